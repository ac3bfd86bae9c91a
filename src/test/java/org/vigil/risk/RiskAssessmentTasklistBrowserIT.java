package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.HeadlessChromium;
import org.vigil.Tasklist;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * One asset assessed in Camunda Tasklist itself, in Debian's headless Chromium, by the demo user of the group the
 * steps are offered to ({@code ciso}): the identification form with the asset and the catalogue's proposal filled in,
 * narrowed to two threats; then the analysis form of one risk with its selects, the controls the catalogue suggests,
 * and a scenario, stored in the register (encrypted) and not left in the process. Screenshots under
 * target/screenshots/risk/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class RiskAssessmentTasklistBrowserIT {

    static final ObjectMapper json = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "risk");

    @LocalServerPort int port;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired RiskRegister register;
    @Autowired RiskAssessments assessments;
    Tasklist tasklist;

    @BeforeEach
    void tasklistInChromium(ChromeDriver browser) throws Exception {
        tasklist = new Tasklist(browser, port, SCREENSHOTS);
    }

    @Test
    void theCisoIdentifiesTheThreatsToAnAssetAndAnalysesOneRiskInTasklist() throws Exception {
        var started = new WebClient(port).as("ciso", "demo").postJson("/api/risk/assessments", "{\"scope\": [\"support-desk\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json.readTree(started.body()).path("assessmentId").asLong();
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, RiskAssessmentProcess.Task_OpenAssessment);

        // ---- identification: the asset and the catalogue's threats for a phi-limited system are on the form
        Task identify = tasklist.taskAt(tasks, instance, RiskAssessmentProcess.Task_IdentifyThreats);
        tasklist.logIn("ciso");
        tasklist.openTask(identify.getId());
        assertThat(tasklist.cardTitle()).startsWith("Identify threats to support-desk: risk assessment " + id);
        assertThat(tasklist.valueOf("The asset")).contains("support-desk: Customer support desk (phi-limited", "owner manager");
        assertThat(tasklist.valueOf("What the catalogue proposes")).contains("misdirected-phi:", "phishing:");
        assertThat(tasklist.valueOf("Threats that apply")).contains("misdirected-phi", "phishing");
        tasklist.claim();
        tasklist.fill("Threats that apply", "misdirected-phi, phishing");
        tasklist.screenshot("identify");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, identify);
        var risks = assessments.detail(id).risks();
        assertThat(risks).extracting(RiskApi.RiskView::threatId).containsExactlyInAnyOrder("misdirected-phi", "phishing");
        long misdirected = risks.stream().filter(r -> r.threatId().equals("misdirected-phi")).findFirst().orElseThrow().id();

        // ---- analysis of one risk: the selects, the suggested controls kept, a scenario
        Task analyse = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RiskAssessmentProcess.Task_AnalyseRisk).list()
                .stream().filter(t -> Long.valueOf(misdirected).equals(tasks.getVariable(t.getId(), "riskId"))).findFirst().orElseThrow();
        tasklist.openTask(analyse.getId());
        assertThat(tasklist.cardTitle()).startsWith("Analyse risk " + misdirected + " (support-desk/misdirected-phi): risk assessment " + id);
        assertThat(tasklist.valueOf("The risk")).contains("Risk " + misdirected, "support-desk");
        assertThat(tasklist.valueOf("Criteria")).contains("Likelihood", "the owner must accept");
        String suggested = tasklist.valueOf("Annex A 2022 controls");
        assertThat(suggested).isNotBlank();
        tasklist.claim();
        tasklist.chooseSelect("Likelihood", "3");
        tasklist.chooseSelect("Impact on confidentiality", "4");
        tasklist.chooseSelect("Impact on integrity", "2");
        tasklist.chooseSelect("Impact on availability", "1");
        tasklist.chooseSelect("Impact on patient safety", "2");
        tasklist.chooseSelect("Residual likelihood", "2");
        tasklist.chooseSelect("Residual impact", "4");
        tasklist.chooseSelect("Treatment", "Modify");
        tasklist.fill("Scenario and existing controls", "Replies with ticket attachments sent to the wrong customer");
        tasklist.screenshot("analyse");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, analyse);

        var analysed = register.risk(misdirected);
        assertThat(analysed.risk().inherentRating()).isEqualTo(12);
        assertThat(analysed.risk().inherentBand()).isNotBlank();
        assertThat(analysed.risk().residualRating()).isEqualTo(8);
        assertThat(analysed.risk().treatment()).isEqualTo("modify");
        assertThat(analysed.risk().status()).isEqualTo("ANALYSED");
        // Kept as suggested; the register lists them in Annex A order.
        assertThat(analysed.risk().controls()).containsExactlyInAnyOrder(suggested.split(",\\s*"));
        assertThat(analysed.impact()).containsEntry("confidentiality", 4).containsEntry("patient-safety", 2);
        assertThat(analysed.description()).isEqualTo("Replies with ticket attachments sent to the wrong customer");
        // What was typed about the risk stays in the register, not in the process.
        assertThat(runtime.getVariables(instance)).doesNotContainKeys("phiDescription", "likelihood", "treatment", "controls");

        // ---- the other risk's analysis is next, its form empty but for the suggested controls
        Task next = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RiskAssessmentProcess.Task_AnalyseRisk).singleResult();
        tasklist.openTask(next.getId());
        assertThat(tasklist.cardTitle()).contains("support-desk/phishing");
        assertThat(tasklist.valueOf("Scenario and existing controls")).isEmpty();
        tasklist.screenshot("next-risk");
    }
}
