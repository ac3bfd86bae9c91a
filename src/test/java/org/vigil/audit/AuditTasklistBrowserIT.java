package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.HeadlessChromium;
import org.vigil.Tasklist;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.audit.AuditApi.FindingView;
import org.vigil.correctiveaction.CorrectiveActions;

/**
 * An internal audit walked through Camunda Tasklist itself, in Debian's headless Chromium, each task by the demo user
 * of its group: the auditor plans it, rewords a question of the checklist, records a result per question in the
 * fieldwork's dynamic list (one major nonconformity with its evidence notes), IT operations responds to the draft,
 * the auditor approves the final report, and the nonconformity's corrective action is raised. Screenshots under
 * target/screenshots/internal-audit/. The asynchronous steps run as the job executor would ({@link EngineJobs}).
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class AuditTasklistBrowserIT {

    static final ObjectMapper json = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "internal-audit");

    @LocalServerPort int port;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired Audits audits;
    @Autowired CorrectiveActions actions;
    ChromeDriver browser;
    Tasklist tasklist;

    @BeforeEach
    void tasklistInChromium(ChromeDriver browser) throws Exception {
        this.browser = browser;
        tasklist = new Tasklist(browser, port, SCREENSHOTS);
    }

    @Test
    void anAuditIsPlannedCheckedAndAnsweredInTasklist() throws Exception {
        var started = new WebClient(port).as("ciso", "demo").postJson("/api/audits", "{\"kind\": \"ad-hoc\", \"areas\": [\"access-management\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, InternalAuditProcess.Task_OpenAudit);
        long auditId = ((Number) tasks.getVariable(taskAt(instance, InternalAuditProcess.Task_PlanAudit).getId(), "auditId")).longValue();

        // ---- the plan: the areas in scope with their owner groups, then the auditor's choices
        tasklist.logIn("auditor");
        Task plan = taskAt(instance, InternalAuditProcess.Task_PlanAudit);
        tasklist.openTask(plan.getId());
        assertThat(tasklist.cardTitle()).startsWith("Plan audit " + auditId + " (ad-hoc), due ");
        assertThat(tasklist.formText()).contains("access-management").contains("it-operations");
        assertThat(tasklist.valueOf("Scope")).isEqualTo("access-management");
        tasklist.claim();
        tasklist.fill("Audit criteria", "ISO/IEC 27001:2022 A.5.15-A.5.18, A.8.2-A.8.5; HIPAA 164.308(a)(4)");
        tasklist.fill("Lead auditor", "auditor");
        enterDate("Fieldwork starts", "03/09/2026");
        enterDate("Fieldwork ends", "03/13/2026");
        tasklist.screenshot("plan");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, plan);
        assertThat(audits.audit(auditId).leadAuditor()).isEqualTo("auditor");
        assertThat(audits.audit(auditId).plannedStart()).hasToString("2026-03-09");

        // ---- the checklist: the first question reworded in the list
        Task checklist = taskAt(instance, InternalAuditProcess.Task_PrepareChecklist);
        tasklist.openTask(checklist.getId());
        assertThat(tasklist.values("Question")).startsWith("AM-01", "AM-02");
        assertThat(tasklist.values("Clauses and controls").get(0)).contains("A.5.15");
        tasklist.fill("Question asked", 0, "Is access to the EHR granted only on a documented, approved request?");
        tasklist.screenshot("checklist");
        tasklist.save();
        tasklist.complete();
        tasklist.waitUntilDone(tasks, checklist);
        assertThat(audits.detail(auditId).checklist().get(0).text()).isEqualTo("Is access to the EHR granted only on a documented, approved request?");

        // ---- the fieldwork: a result per row; the second question a major nonconformity with its evidence
        Task fieldwork = taskAt(instance, InternalAuditProcess.Task_Fieldwork);
        tasklist.openTask(fieldwork.getId());
        int questions = audits.detail(auditId).checklist().size();
        List<WebElement> results = tasklist.fields("select", "Result");
        assertThat(results).hasSize(questions);
        for (int row = 0; row < questions; row++) {
            choose(results.get(row), row == 1 ? "Major nonconformity" : "Conforming");
        }
        tasklist.fill("Evidence notes", 1, "Three leavers kept EHR access for over two weeks");
        tasklist.fill("Links to Vigil records", 1, "/api/access-reviews/campaigns/1/report");
        tasklist.screenshot("fieldwork");
        tasklist.save();
        tasklist.complete();
        tasklist.waitUntilDone(tasks, fieldwork);
        var detail = audits.detail(auditId);
        assertThat(detail.checklist()).extracting(AuditApi.ChecklistEntry::result).containsOnly("conforming", "major");
        FindingView finding = detail.findings().get(0);
        assertThat(finding.kind()).isEqualTo("major");
        assertThat(finding.description()).isEqualTo("Three leavers kept EHR access for over two weeks");
        EngineJobs.runAt(management, instance, InternalAuditProcess.Task_RenderDraftReport);

        // ---- IT operations responds to the draft: the form shows the finding as the auditor wrote it
        Task response = taskAt(instance, InternalAuditProcess.Task_RespondToDraft);
        tasklist.logIn("sysadmin");
        tasklist.openTask(response.getId());
        assertThat(tasklist.cardTitle()).startsWith("Respond to the draft report: audit " + auditId + ", it-operations");
        assertThat(tasklist.valueOf("The findings as the auditors wrote them")).contains("Three leavers kept EHR access");
        tasklist.claim();
        tasklist.fill("Response of your group", "Agreed: HR's leaver feed will disable accounts on the day");
        tasklist.screenshot("response");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, response);

        // ---- the auditor approves the final report; the nonconformity's corrective action is raised
        Task finalize = taskAt(instance, InternalAuditProcess.Task_FinalizeReport);
        tasklist.logIn("auditor");
        tasklist.openTask(finalize.getId());
        assertThat(tasklist.valueOf("Responses of the auditees")).contains("HR's leaver feed");
        tasklist.check("I approve the final report");
        tasklist.screenshot("finalize");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, finalize);
        EngineJobs.runAllOf(management, instance);
        var action = actions.summary(audits.detail(auditId).findings().get(0).correctiveActionId()).orElseThrow();
        assertThat(action.severity()).isEqualTo("major");
        assertThat(action.ownerGroup()).isEqualTo("it-operations");
        assertThat(audits.detail(auditId).reports()).extracting(AuditApi.ReportView::stage).containsExactly("draft", "final");
    }

    private Task taskAt(String instance, String key) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult());
    }

    /** A form-js select inside a row: a list that opens on a click. */
    private void choose(WebElement field, String option) {
        tasklist.click(field.findElement(By.cssSelector(".fjs-input-group")));
        tasklist.click(new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> field.findElement(By.xpath(
                ".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"))));
    }

    /** A form-js date field (subtype date): typed as a person types it, read when the field loses focus. */
    private void enterDate(String label, String day) {
        var input = browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-datetime')][.//label[starts-with(normalize-space(.),'"
                + label + "')]]//input"));
        tasklist.click(input);
        input.sendKeys(day);
        tasklist.click(browser.findElement(By.cssSelector(".fjs-container .fjs-form-field-text")));
    }
}
