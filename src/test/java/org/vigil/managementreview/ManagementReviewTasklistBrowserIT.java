package org.vigil.managementreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
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
 * A monthly security review in Camunda Tasklist itself, in Debian's headless Chromium: the CISO enters the changes in
 * issues in the preparation task, the meeting is recorded (through the engine REST API, as in ManagementReviewApiIT),
 * and the CISO, as the chair, signs the record off in Tasklist, seeing the frozen pack, the minutes and the decision
 * with its action. Screenshots under target/screenshots/management-review/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class ManagementReviewTasklistBrowserIT {

    static final ObjectMapper json = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "management-review");

    @LocalServerPort int port;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ManagementReviews reviews;
    @Autowired Clock clock;
    ChromeDriver browser;
    Tasklist tasklist;

    @BeforeEach
    void tasklistInChromium(ChromeDriver browser) throws Exception {
        this.browser = browser;
        tasklist = new Tasklist(browser, port, SCREENSHOTS);
    }

    @Test
    void anInputIsPreparedAndTheReviewSignedOffInTasklist() throws Exception {
        var started = new WebClient(port).as("ciso", "demo").postJson("/api/management-reviews",
                // A month of its own: one review per kind and period, and other tests review the last month.
                "{\"kind\": \"monthly\", \"periodLabel\": \"" + java.time.YearMonth.now(clock).minusMonths(3) + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, ManagementReviewProcess.Task_OpenReview);
        Task prepare = taskAt(instance, ManagementReviewProcess.Task_PrepareInput);
        long id = ((Number) tasks.getVariable(prepare.getId(), "reviewId")).longValue();

        // ---- the CISO's input: changes in external and internal issues
        tasklist.logIn("ciso");
        tasklist.openTask(prepare.getId());
        assertThat(tasklist.cardTitle()).startsWith("Prepare the input “Changes in external and internal issues”: monthly security review " + id);
        assertThat(tasklist.formText()).contains("Do not enter patient data here");
        tasklist.claim();
        tasklist.fill("Input of your group", "A new state privacy law takes effect next quarter");
        tasklist.screenshot("prepare");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, prepare);
        var issues = reviews.detail(id).pack().stream().filter(p -> p.key().equals(ManagementReviews.ISSUES)).findFirst().orElseThrow();
        assertThat(issues.statement()).isEqualTo("A new state privacy law takes effect next quarter");
        assertThat(issues.enteredBy()).isEqualTo("ciso");

        // ---- the meeting, recorded as Tasklist submits it
        Task meeting = taskAt(instance, ManagementReviewProcess.Task_HoldMeeting);
        var held = new WebClient(port).as("manager", "demo").postJson("/engine-rest/task/" + meeting.getId() + "/complete",
                meetingSubmission(LocalDate.now(clock).toString()));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        EngineJobs.runAt(management, instance, ManagementReviewProcess.Task_FreezePack);

        // ---- the sign-off by the chair
        Task signOff = taskAt(instance, ManagementReviewProcess.Task_SignOff);
        tasklist.openTask(signOff.getId());
        assertThat(tasklist.cardTitle()).startsWith("Sign off the monthly security review " + id);
        assertThat(tasklist.valueOf("The frozen pack")).contains("A new state privacy law");
        assertThat(tasklist.valueOf("Decisions and their actions")).contains("Brief staff on the new law", "CA-");
        // The task is the chair's already: nothing to claim.
        assertThat(signOff.getAssignee()).isEqualTo("ciso");
        tasklist.check("As the chair, I sign this record off");
        tasklist.screenshot("sign-off");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, signOff);
        EngineJobs.runAt(management, instance, ManagementReviewProcess.Task_RenderDocument);
        assertThat(reviews.review(id).status()).isEqualTo("SIGNED_OFF");
        assertThat(reviews.review(id).signedOffBy()).isEqualTo("ciso");
    }

    private String meetingSubmission(String day) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("meetingDate", Map.of("value", day));
        variables.put("chair", Map.of("value", "ciso"));
        variables.put("attendees", Map.of("value", "ciso, manager"));
        variables.put("phiMinutes", Map.of("value", "Recent incidents and threats reviewed"));
        var rows = new LinkedHashMap<String, Object>();
        rows.put("type", "Object");
        rows.put("value", json.writeValueAsString(List.of(Map.of("text", "Brief staff on the new law", "ownerGroup", "privacy-office",
                "dueDate", LocalDate.now(clock).plusMonths(1).toString()))));
        rows.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        variables.put("phiDecisions", rows);
        return json.writeValueAsString(Map.of("variables", variables));
    }

    private Task taskAt(String instance, String key) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult());
    }
}
