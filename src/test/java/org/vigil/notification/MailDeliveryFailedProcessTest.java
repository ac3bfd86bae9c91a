package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.vigil.TestClock.instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.TestClock;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Process test for processes/mail-delivery-failed.bpmn, on the test clock (Monday 2 March 2026, 09:00 EST): a mail
 * whose last allowed attempt failed gives IT operations a task due the next working day, whose form says which mail,
 * to whom, how often it was tried and the last error, read from the outbox (the process holds the mail's id only);
 * "send again" sends it under its Message-ID, "give up" leaves it failed.
 */
@VigilSpringTest
class MailDeliveryFailedProcessTest {

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Notifications notifications;
    @Autowired OutboundMailRepository outbox;
    @Autowired MailFailures failures;
    @Autowired MailDelivery delivery;
    @Autowired NotificationSettings settings;
    @Autowired ObjectMapper json;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void serverBack() {
        if (!TestMailServer.get().isRunning()) {
            TestMailServer.get().start();
        }
    }

    @Test
    void itOperationsSeeWhichMailToWhomAndWhyAndSendItAgainUnderTheSameMessageId() throws Exception {
        String title = "Given up " + UUID.randomUUID();
        long mailId = givenUp(title);
        ProcessInstance instance = instanceOf(mailId);

        assertThat(instance).isWaitingAt(FailedMailProcess.Task_DecideOnFailedMail);
        assertThat(task(instance)).hasCandidateGroup("it-operations").isNotAssigned();
        assertThat(task(instance).getName()).isEqualTo("Mail not delivered: [Vigil] " + title + " (mail " + mailId + ")");
        // The next working day at this hour; it comes up at once.
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-03T09:00:00-05:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant(TestClock.MONDAY_MORNING));
        assertThat(runtime.getVariables(instance.getId()).keySet()).as("ids only").containsExactly("mailId");

        // What the form shows, as IT operations open it in Tasklist.
        var sysadmin = new WebClient(port).as("sysadmin", "demo");
        var form = json.readTree(sysadmin.get("/engine-rest/task/" + task(instance).getId() + "/form-variables").body());
        assertThat(form.path("mailSubject").path("value").asText()).isEqualTo("[Vigil] " + title);
        assertThat(form.path("mailRecipients").path("value").asText()).isEqualTo("ciso@vigil.example");
        assertThat(form.path("mailAttempts").path("value").asInt()).isEqualTo(settings.maxAttempts());
        assertThat(form.path("mailLastError").path("value").asText()).isEqualTo("MailSendException: Connection refused");
        assertThat(form.path("mailLastAttemptAt").path("value").asText()).isEqualTo("Mon 2 Mar 2026 09:00 EST");
        assertThat(form.path("mailMessageId").path("value").asText()).isEqualTo("<vigil-mail-" + mailId + "@localhost>");

        var completed = sysadmin.postJson("/engine-rest/task/" + task(instance).getId() + "/complete",
                "{\"variables\": {\"decision\": {\"value\": \"send-again\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(instance).isWaitingAt(FailedMailProcess.Task_SendAgain);
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        assertThat(instance).isEnded().hasPassed(FailedMailProcess.EndEvent_MailQueuedAgain);

        // Queued again at once: the next poll sends it, under the Message-ID every attempt carried.
        var again = outbox.findById(mailId).orElseThrow();
        assertThat(again.isFailed()).isFalse();
        assertThat(again.nextAttemptAt()).isEqualTo(instant(TestClock.MONDAY_MORNING));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            delivery.deliverDue();
            return outbox.findById(mailId).orElseThrow().isSent();
        });
        var copies = TestMailServer.withSubject(title);
        assertThat(copies).hasSize(1);
        assertThat(TestMailServer.messageId(copies.get(0))).isEqualTo("<vigil-mail-" + mailId + "@localhost>");
    }

    @Test
    void givingUpEndsTheProcessAndTheMailStaysFailed() {
        String title = "Left " + UUID.randomUUID();
        long mailId = givenUp(title);
        ProcessInstance instance = instanceOf(mailId);

        var completed = new WebClient(port).as("sysadmin", "demo").postJson("/engine-rest/task/" + task(instance).getId() + "/complete",
                "{\"variables\": {\"decision\": {\"value\": \"give-up\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        assertThat(instance).isEnded().hasPassed(FailedMailProcess.EndEvent_MailGivenUp).hasNotPassed(FailedMailProcess.Task_SendAgain);
        var mail = outbox.findById(mailId).orElseThrow();
        assertThat(mail.isFailed()).isTrue();
        assertThat(mail.nextAttemptAt()).isNull();
    }

    @Test
    void onlyItOperationsWorkOnIt() {
        long mailId = givenUp("Theirs " + UUID.randomUUID());
        String taskId = task(instanceOf(mailId)).getId();
        var staff = new WebClient(port).as("staff", "demo");
        assertThat(staff.get("/engine-rest/task/" + taskId + "/form-variables").statusCode()).isIn(403, 404);
        assertThat(staff.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {\"decision\": {\"value\": \"give-up\"}}}")
                .statusCode()).isIn(403, 404);
        // Nobody starts it by hand, administrators included.
        assertThat(new WebClient(port).as("admin", "demo").postJson("/engine-rest/process-definition/key/" + FailedMailProcess.KEY + "/start",
                "{\"variables\": {\"mailId\": {\"value\": 1, \"type\": \"Long\"}}}").statusCode()).isIn(400, 403);
    }

    /** A mail whose attempts ran out while the server was down: its last failure recorded by the real recorder. */
    private long givenUp(String title) {
        TestMailServer.get().stop();
        String key = "test:" + title;
        notifications.queue(MailRequest.toGroups(key, "test-message", List.of("ciso"), Map.of("title", title, "text", "x")));
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.findByEventKey(key).orElseThrow().attempts() == 1);
        var mail = outbox.findByEventKey(key).orElseThrow();
        for (int attempts = 1; attempts < settings.maxAttempts(); attempts++) {
            failures.record(new MailFailures.FailedAttempt(mail.id(), attempts, "MailSendException: Connection refused"));
        }
        TestMailServer.get().start();
        assertThat(outbox.findById(mail.id()).orElseThrow().isFailed()).isTrue();
        return mail.id();
    }

    private ProcessInstance instanceOf(long mailId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(FailedMailProcess.KEY)
                .processInstanceBusinessKey(FailedMailProcess.businessKey(mailId)).singleResult();
    }
}
