package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.TestClock;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Mail you can trust, against a real SMTP server (GreenMail) that goes down and comes back: every failed attempt is
 * counted and waits longer than the last, the last allowed one gives the mail up with a task for IT operations and a
 * rise of {@code vigil_mail_failed_total}, each failure is one log line without a stack trace, and once the server is
 * back each mail arrives exactly once, with its outbox row's Message-ID, however many nodes poll.
 */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryIT {

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @LocalServerPort int port;
    @Autowired Notifications notifications;
    @Autowired OutboundMailRepository outbox;
    @Autowired MailDelivery delivery;
    @Autowired NotificationSettings settings;
    @Autowired MeterRegistry meters;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void serverBack() {
        if (!TestMailServer.get().isRunning()) {
            TestMailServer.get().start();
        }
    }

    @Test
    void aMailTheServerRefusesWaitsLongerAfterEachAttemptThenIsGivenUpWithATaskForItOperations(CapturedOutput output) {
        double failedBefore = meters.get("vigil.mail.failed").counter().count();
        TestMailServer.get().stop();
        String key = queue("Refused " + UUID.randomUUID());

        // The first attempt right after commit: counted, although its sending failed.
        await().atMost(Duration.ofSeconds(10)).until(() -> mail(key).attempts() == 1);
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 2; attempt <= settings.maxAttempts(); attempt++) {
            OutboundMail before = mail(key);
            assertThat(before.isPending()).as("pending after attempt %d", attempt - 1).isTrue();
            assertThat(before.lastError()).as("last error").startsWith("MailSendException: ").contains("Connection refused");
            waits.add(Duration.between(before.lastAttemptAt(), before.nextAttemptAt()));
            // Not before its time: a poll a moment too early leaves it alone.
            clock.moveTo(before.nextAttemptAt().minusSeconds(1));
            delivery.deliverDue();
            assertThat(mail(key).attempts()).isEqualTo(attempt - 1);
            clock.moveTo(before.nextAttemptAt());
            delivery.deliverDue();
            int expected = attempt;
            await().atMost(Duration.ofSeconds(10)).until(() -> mail(key).attempts() == expected);
        }

        // 1, 2, 4 ... minutes ± 20 %, each longer than the one before until the cap of 2 hours (+ 20 %).
        for (int i = 1; i < waits.size(); i++) {
            if (waits.get(i - 1).compareTo(Duration.ofMinutes(60)) < 0) {
                assertThat(waits.get(i)).as("wait after failure %d against %d: %s", i + 1, i, waits).isGreaterThan(waits.get(i - 1));
            }
        }
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(144)));

        OutboundMail failed = mail(key);
        assertThat(failed.isFailed()).isTrue();
        assertThat(failed.attempts()).isEqualTo(settings.maxAttempts());
        assertThat(failed.nextAttemptAt()).as("nothing more is tried").isNull();
        assertThat(failed.lastError()).contains("Connection refused");

        // IT operations get a task that names the mail by its subject, and the counter rose.
        var task = tasks.createTaskQuery().processInstanceBusinessKey(FailedMailProcess.businessKey(failed.id()))
                .taskCandidateGroup("it-operations").singleResult();
        assertThat(task).isNotNull();
        assertThat(task.getName()).startsWith("Mail not delivered: [Vigil] Refused ").endsWith("(mail " + failed.id() + ")");
        assertThat(meters.get("vigil.mail.failed").counter().count()).isEqualTo(failedBefore + 1);
        var prometheus = new WebClient(port).as("sysadmin", "demo").get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).containsPattern("(?m)^vigil_mail_failed_total\\{[^}]*} " + Pattern.quote(String.valueOf(failedBefore + 1)));

        // One log line per failure, naming the mail, the attempt and the error, and no stack trace anywhere.
        var lines = output.getAll().lines().filter(line -> line.contains("Mail " + failed.id() + " " + key)).toList();
        assertThat(lines.stream().filter(line -> line.contains("not sent, attempt"))).hasSize(settings.maxAttempts() - 1);
        assertThat(lines.stream().filter(line -> line.contains("failed after " + settings.maxAttempts() + " attempts"))).hasSize(1);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("Connection refused"));
        assertThat(output.getAll()).doesNotContainPattern("(?m)^\\s+at (org\\.springframework\\.mail|org\\.eclipse\\.angus|org\\.vigil\\.notification)")
                .doesNotContain("MailConnectException: Couldn't connect");
    }

    @Test
    void onceTheServerIsBackEachMailArrivesExactlyOnceWithItsMessageIdThoughTwoNodesPoll() throws Exception {
        TestMailServer.get().stop();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(queue("Back " + i + " " + UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.stream().allMatch(key -> mail(key).attempts() == 1));
        Instant latest = keys.stream().map(key -> mail(key).nextAttemptAt()).max(Instant::compareTo).orElseThrow();
        TestMailServer.get().start();
        clock.moveTo(latest);

        // Two nodes polling at the same moment: the rows one holds, the other skips.
        for (int round = 0; round < 3; round++) {
            CompletableFuture.allOf(CompletableFuture.runAsync(delivery::deliverDue), CompletableFuture.runAsync(delivery::deliverDue)).get();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.stream().allMatch(key -> mail(key).isSent()));
        for (String key : keys) {
            OutboundMail sent = mail(key);
            assertThat(sent.attempts()).isEqualTo(2);
            var copies = TestMailServer.withSubject(subjectOf(key));
            assertThat(copies).as(key).hasSize(1);
            assertThat(TestMailServer.messageId(copies.get(0))).isEqualTo("<vigil-mail-" + sent.id() + "@localhost>");
        }
    }

    @Test
    void aMailSentAgainAfterACrashBeforeItWasMarkedIsTheSameMailByItsMessageId() {
        String key = queue("Crash " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(10)).until(() -> mail(key).isSent());
        // The node died after the server took the mail and before its transaction marked it: the row is still due.
        jdbc.update("UPDATE outbound_mail SET sent_at = NULL, next_attempt_at = queued_at WHERE event_key = ?", key);

        delivery.deliverDue();

        await().atMost(Duration.ofSeconds(10)).until(() -> mail(key).isSent());
        var copies = TestMailServer.withSubject(subjectOf(key));
        assertThat(copies).hasSize(2);
        assertThat(copies.stream().map(TestMailServer::messageId).distinct()).as("one mail, delivered twice")
                .containsExactly("<vigil-mail-" + mail(key).id() + "@localhost>");
    }

    private String queue(String title) {
        String key = "test:" + title;
        assertThat(notifications.queue(MailRequest.toGroups(key, "test-message", List.of("ciso"), Map.of("title", title, "text", "x"))))
                .isTrue();
        return key;
    }

    private static String subjectOf(String key) {
        return key.substring("test:".length());
    }

    private OutboundMail mail(String key) {
        return outbox.findByEventKey(key).orElseThrow();
    }
}
