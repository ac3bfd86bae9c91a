package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * The breach response's decisions that the main walk ({@link BreachResponseTasklistBrowserIT}) does not meet, each made
 * in Camunda Tasklist by the privacy officer in headless Chromium, the steps before them taken through the APIs: a
 * "not a breach" conclusion approved (the box starts ticked, the report beside it), the post-incident review that
 * closes the incident (showing what containment did), the confirmation of a plan that lost duties, and the follow-up
 * of a missed deadline. Screenshots under target/screenshots/breach-decisions/, a folder per test.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class BreachDecisionsTasklistBrowserIT {

    static final ObjectMapper json = new ObjectMapper();
    static final String TITLE = "Printout of a clinic schedule left in a meeting room";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Incidents incidents;
    @Autowired org.vigil.correctiveaction.CorrectiveActions correctiveActions;
    @Autowired ObligationRepository obligations;
    ChromeDriver browser;
    Tasklist tasklist;

    @BeforeEach
    void openTasklist(ChromeDriver browser, org.junit.jupiter.api.TestInfo test) throws Exception {
        this.browser = browser;
        // A folder per walk: each Tasklist helper starts its folder afresh.
        tasklist = new Tasklist(browser, port, Path.of("target", "screenshots", "breach-decisions", test.getTestMethod().orElseThrow().getName()));
    }

    @Test
    void aConclusionOfNoBreachIsApprovedReviewedAndTheIncidentClosedInTasklist() throws Exception {
        // Tennessee exempts HIPAA entities, so HIPAA's risk assessment alone decides here.
        long incidentId = report("US-TN", 3);
        String breach = breachInstance(incidentId);
        EngineJobs.runAllOf(management, breach);
        PlannedBreach.complete(tasks, breach, PlannedBreach.triage(3));
        PlannedBreach.complete(tasks, breach, Map.of("containedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                ContainmentTaskListener.SUMMARY, "Printout collected and shredded by the office manager"));
        PlannedBreach.complete(tasks, breach, Map.of("affectedCounts", "US-TN: 3", "dataName", true, "role", "covered_entity",
                "lawEnforcementForm", "none"));
        var lowRisk = new HashMap<>(PlannedBreach.riskAssessment());
        lowRisk.put("riskConclusion", "low_probability_of_compromise");
        PlannedBreach.complete(tasks, breach, lowRisk);
        EngineJobs.runAllOf(management, breach);

        // The approval: the report beside it, the box ticked as the form starts.
        Task approve = tasklist.taskAt(tasks, breach, BreachResponseProcess.Task_ApproveNotABreach);
        tasklist.logIn("privacy");
        tasklist.openTask(approve.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Approve: incident " + incidentId + " is not a reportable breach");
        assertThat(tasklist.formText()).contains(TITLE);
        tasklist.claim();
        assertThat(tasklist.ticked("I approve: no notification is required")).isTrue();
        tasklist.screenshot("privacy-approve-not-a-breach");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, approve);

        // The review shows what containment did, and closes the incident.
        Task review = tasklist.taskAt(tasks, breach, BreachResponseProcess.Task_ReviewPostIncident);
        tasklist.openTask(review.getId());
        assertThat(tasklist.formText()).contains(TITLE, "Printout collected and shredded by the office manager");
        tasklist.claim();
        tasklist.fill("Lessons learned", "Meeting rooms are checked at the end of each day.");
        // One corrective action, added to the dynamic list as a person adds a row.
        tasklist.click(browser.findElement(org.openqa.selenium.By.cssSelector("button.fjs-repeat-render-add")));
        tasklist.fill("Action needed", "End-of-day check of meeting rooms for printouts");
        tasklist.chooseSelect("Severity", "Minor");
        tasklist.chooseSelect("Owner group", "Managers");
        tasklist.screenshot("privacy-review");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, review);
        EngineJobs.runAllOf(management, breach);
        assertThat(incidents.require(incidentId).status()).isEqualTo(IncidentStatus.CLOSED);
        var raised = correctiveActions.bySource(org.vigil.correctiveaction.ActionSource.INCIDENT_REVIEW, "incident:" + incidentId + ":");
        assertThat(raised).singleElement().satisfies(action -> {
            assertThat(action.source().reference()).isEqualTo("incident:" + incidentId + ":action:1");
            assertThat(action.severity()).isEqualTo("minor");
            assertThat(action.ownerGroup()).isEqualTo("managers");
        });
    }

    @Test
    void aPlanThatLostDutiesIsConfirmedAndAMissedDeadlineFollowedUpInTasklist() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        long incidentId = report("US-CA", 600);
        PlannedBreach.plan(incidentId, "US-CA: 600", runtime, tasks, management);

        // The complete list names fifty people: the media duty (over 500 in a state) is no longer found.
        var uploaded = privacy.post("/api/incidents/" + incidentId + "/affected-individuals?complete=true", "text/csv",
                PlannedBreach.people(50, 0).replace("US-TX", "US-CA"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String breach = breachInstance(incidentId);
        Task confirm = new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            EngineJobs.runAllOf(management, breach);
            return tasks.createTaskQuery().processInstanceId(breach).taskDefinitionKey(BreachResponseProcess.Task_ConfirmPlanChange).singleResult();
        });
        tasklist.logIn("privacy");
        tasklist.openTask(confirm.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Confirm the change of plan for incident " + incidentId);
        assertThat(tasklist.valueOf("Duties the plan no longer finds")).contains("media in California");
        tasklist.claim();
        tasklist.chooseOutsideRows("Your decision", "Withdraw every duty listed");
        tasklist.screenshot("privacy-confirm-plan-change");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, confirm);
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(incidentId)).filteredOn(o -> o.recipient().startsWith("media"))
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(ObligationStatus.WITHDRAWN));

        // A notice to the people's deadline passes unsent: its follow-up, in words.
        var missedNotice = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(o -> o.recipient().equals("individuals") && o.isOpen()).findFirst().orElseThrow();
        String notice = PlannedBreach.obligationProcess(runtime, missedNotice.id());
        management.createJobQuery().processInstanceId(notice).timers().list().stream()
                .filter(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                        .getActivityId().equals(NotificationObligationProcess.BoundaryEvent_DeadlinePassed))
                .forEach(job -> management.executeJob(job.getId()));
        EngineJobs.runAllOf(management, notice);
        Task followUp = tasklist.taskAt(tasks, notice, NotificationObligationProcess.Task_FollowUpMissedNotice);
        tasklist.openTask(followUp.getId());
        assertThat(tasklist.cardTitle()).startsWith("Follow up the missed deadline: individuals in ").contains("incident " + incidentId + ", was due ");
        tasklist.claim();
        tasklist.chooseSelect("Why it was missed", "Oversight");
        tasklist.fill("What is being done now", "Sending today by the attorney general's web form");
        tasklist.screenshot("privacy-follow-up-missed");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, followUp);
        assertThat(obligations.findById(missedNotice.id()).orElseThrow().status()).isEqualTo(ObligationStatus.MISSED);
    }

    private long report(String jurisdiction, int estimate) throws Exception {
        var response = new WebClient(port).as("staff", "demo").postJson("/api/incidents", json.writeValueAsString(Map.of("title", TITLE,
                "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.SECONDS).toString(),
                "discoveredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString(),
                "affectedEstimate", Map.of(jurisdiction, estimate))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private String breachInstance(long incidentId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId)).singleResult().getId();
    }
}
