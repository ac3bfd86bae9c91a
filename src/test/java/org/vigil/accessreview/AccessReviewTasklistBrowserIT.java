package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.HeadlessChromium;
import org.vigil.Tasklist;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * A quarterly access review walked through Camunda Tasklist itself, in Debian's headless Chromium, each task by the
 * demo user of its group: the manager and the CISO review their accounts row by row and in bulk, IT operations
 * (sysadmin) removes the revoked access, the CISO verifies the removal and, as the system's owner, signs the review
 * off. Each step is kept as a screenshot under target/screenshots/access-review/. The asynchronous steps between the
 * tasks run as the job executor would ({@link EngineJobs}).
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class AccessReviewTasklistBrowserIT {

    static final ObjectMapper json = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "access-review");

    @LocalServerPort int port;
    @Autowired AccessReviewStore store;
    @Autowired ReviewDecisions decisions;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired Clock clock;
    ChromeDriver browser;
    Tasklist tasklist;
    AccessReviewFixture fixture;

    @BeforeEach
    void aSystemWithItsRosterAndSnapshot(ChromeDriver browser) throws Exception {
        this.browser = browser;
        tasklist = new Tasklist(browser, port, SCREENSHOTS);
        fixture = new AccessReviewFixture(LocalDate.now(clock));
        assertThat(client("ciso").putJson("/api/access-reviews/systems/" + fixture.system,
                "{\"name\": \"Test system\", \"owner\": \"ciso\", \"deputy\": \"manager\", \"classification\": \"phi-restricted\"}")
                .statusCode()).isEqualTo(200);
        assertThat(client("sysadmin").post("/api/access-reviews/snapshots?kind=roster", "text/csv", fixture.roster()).statusCode())
                .isEqualTo(201);
        assertThat(client("sysadmin").post("/api/access-reviews/snapshots", "text/csv", fixture.snapshot()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aCampaignIsReviewedRemovedVerifiedAndSignedOffInTasklist() throws Exception {
        var started = client("manager").postJson("/api/access-reviews/campaigns", "{\"systems\": [\"" + fixture.system + "\"]}");
        assertThat(started.statusCode()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_OpenCampaign);
        long campaignId = store.campaignOfProcess(instance).orElseThrow().id();

        // ---- the manager reviews: three accounts, flagged ones first
        Task managerTask = reviewTask(instance, "manager");
        tasklist.logIn("manager");
        tasklist.openTask(managerTask.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Review access");
        assertThat(tasklist.formText()).contains("Campaign " + campaignId).contains("reviewer manager");
        assertThat(tasklist.values("Account")).containsExactly("sysadmin", fixture.terminated, "staff");
        assertThat(tasklist.values("Risk flags")).containsExactly("PRIVILEGED", "TERMINATED", "none");
        assertThat(tasklist.values("Entitlement")).containsExactly("admin (privileged)", "read", "read");
        assertThat(tasklist.values("System")).containsOnly(fixture.system);
        assertThat(tasklist.pageText()).doesNotContain("/api/access-reviews");
        tasklist.screenshot("manager-review-form");

        // Revoke without a reason: refused, naming the field's label and the account, and nothing is decided.
        tasklist.choose(1, "Revoke");
        tasklist.save();
        tasklist.complete();
        tasklist.waitForText("'Reason' of account " + fixture.terminated + " on " + fixture.system + ": required to revoke access");
        tasklist.screenshot("manager-review-refused-without-reason");
        assertThat(decisions.items(campaignId, "manager")).allSatisfy(item -> assertThat(item.decision()).isNull());

        tasklist.typeInRow(1, "Left the company");
        tasklist.choose(0, "Keep");
        tasklist.typeInRow(0, "On-call administrator");
        tasklist.chooseOutsideRows("Bulk decision for the items left undecided", "Keep");
        tasklist.screenshot("manager-review-decided");
        tasklist.save();
        tasklist.complete();
        tasklist.waitUntilDone(tasks, managerTask);
        tasklist.screenshot("manager-review-completed");
        var managerItems = decisions.items(campaignId, "manager");
        assertThat(AccessReviewProcessFixture.itemOf(managerItems, fixture.terminated).decision()).isEqualTo("REVOKE");
        assertThat(AccessReviewProcessFixture.itemOf(managerItems, "sysadmin").decision()).isEqualTo("KEEP");
        assertThat(AccessReviewProcessFixture.itemOf(managerItems, "staff").decision()).isEqualTo("KEEP");
        assertThat(runtime.getVariable(instance, AccessReviewVariables.CAMPAIGN_ID.name()))
                .as("the campaign's id is still the number it was").isEqualTo(campaignId);
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);

        // ---- the CISO reviews in bulk, with a reason for the flagged accounts
        Task cisoTask = reviewTask(instance, "ciso");
        tasklist.logIn("ciso");
        tasklist.openTask(cisoTask.getId());
        assertThat(tasklist.values("Account")).contains("orphan-7", "manager", "sysadmin");
        tasklist.chooseOutsideRows("Bulk decision for the items left undecided", "Keep");
        tasklist.chooseSelect("Applies to", "All undecided items");
        tasklist.type(browser, "Reason for the bulk decision", "Reviewed with the system's team");
        tasklist.screenshot("ciso-review-bulk");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, cisoTask);
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);

        // ---- IT operations removes the revoked access: the card and the form name system, account and entitlement
        var revocation = store.revocations(campaignId).get(0);
        Task deprovision = tasks.createTaskQuery().processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id()))
                .singleResult();
        tasklist.logIn("sysadmin");
        tasklist.openTask(deprovision.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Remove access: " + fixture.terminated + " on " + fixture.system + " (read)");
        assertThat(tasklist.formText()).contains(fixture.system).contains(fixture.terminated).contains("read")
                .contains("Revocation " + revocation.id());
        tasklist.claim();
        tasklist.screenshot("sysadmin-deprovision-form");
        tasklist.complete();
        // Refused: by the form (the box is required) or, if the browser sends false, by Vigil naming the field's label.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> tasklist.pageText().contains("Field is required")
                || tasklist.pageText().contains("'The access is removed' (removed): check it once the entitlement is removed"));
        assertThat(tasks.createTaskQuery().taskId(deprovision.getId()).count()).as("an unchecked box completes nothing").isOne();
        tasklist.screenshot("sysadmin-deprovision-refused-unchecked");
        tasklist.check("The access is removed");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, deprovision);
        tasklist.screenshot("sysadmin-deprovision-completed");
        assertThat(store.revocation(revocation.id()).orElseThrow().deprovisionedBy()).isEqualTo("sysadmin");
        assertThat(runtime.getVariable(deprovision.getProcessInstanceId(), AccessRevocationVariables.REVOCATION_ID.name()))
                .as("the revocation's id is still the number it was").isEqualTo(revocation.id());

        // ---- the CISO verifies the removal
        Task verify = tasks.createTaskQuery().processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id()))
                .singleResult();
        tasklist.logIn("ciso");
        tasklist.openTask(verify.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Verify the removal: " + fixture.terminated + " on " + fixture.system + " (read)");
        assertThat(tasklist.formText()).contains(fixture.terminated).contains(fixture.system);
        tasklist.claim();
        tasklist.check("I checked: the access is gone");
        tasklist.screenshot("ciso-verify-form");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, verify);
        assertThat(store.revocation(revocation.id()).orElseThrow().verification()).isEqualTo("HAND");

        // ---- both reviews are done and the reviews close: no second de-provisioning of the verified removal
        management.createJobQuery().processInstanceId(instance).timers()
                .activityId(AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).list()
                .forEach(job -> management.executeJob(job.getId()));
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_CloseReviews);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AccessRevocationProcess.KEY)
                .processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id())).count()).isOne();

        // ---- the system's owner signs off, seeing every account with its decision
        Task signOff = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(AccessReviewProcess.Task_SignOffSystem).singleResult();
        tasklist.openTask(signOff.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Sign off the review of the system");
        String table = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.cssSelector(".fjs-table")).getText());
        assertThat(table).contains("orphan-7", fixture.terminated, "revoke", "Left the company", "keep");
        assertThat(tasklist.formText()).contains("system " + fixture.system);
        tasklist.screenshot("ciso-sign-off-form");
        tasklist.check("I confirm the review of this system");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, signOff);
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_PublishReport);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(store.campaign(campaignId).orElseThrow().status()).isEqualTo(CampaignStates.CLOSED);

        // ---- the auditor has no task of the review, and reads the report
        tasklist.logIn("auditor");
        browser.get(tasklist.home());
        tasklist.screenshot("auditor-tasklist");
        assertThat(client("auditor").get("/api/access-reviews/campaigns/" + campaignId + "/report").body())
                .contains(fixture.terminated).contains("Left the company");
    }

    private Task reviewTask(String instance, String reviewer) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(AccessReviewProcess.Task_ReviewAccess)
                .taskAssignee(reviewer).singleResult();
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }
}
