package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;

/** E-mail through the outbox, to a real SMTP server. Failures, retries and the Message-ID across attempts: {@link MailDeliveryIT}. */
@VigilSpringTest
class NotificationIT {

    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transaction;
    @Autowired OutboundMailRepository outbox;

    @Test
    void aQueuedMailReachesEveryMemberOfTheGroupAfterCommit() throws Exception {
        String title = "Reminder " + UUID.randomUUID();
        notifications.queue(MailRequest.toGroups("test:" + title, "test-message", List.of("privacy-office"),
                Map.of("title", title, "text", "Notice due soon.")));

        await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.withSubject(title).size() == 1);
        var mail = TestMailServer.withSubject(title).get(0);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("privacy@vigil.example");
        assertThat(mail.getSubject()).isEqualTo("[Vigil] " + title);
        assertThat(notifications.wasSent("test:" + title)).isTrue();
    }

    @Test
    void theSameEventIsNeverMailedTwice() throws Exception {
        String title = "Once " + UUID.randomUUID();
        var request = new MailRequest("test:" + title, "test-message", List.of("ciso"), List.of("managers"),
                Map.of("title", title, "text", "x"));

        assertThat(notifications.queue(request)).isTrue();
        assertThat(notifications.queue(request)).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.wasSent("test:" + title));
        // Marked sent only after the SMTP server took it, so every copy is there. GreenMail keeps one copy per
        // recipient: one mail, to the CISO and the manager.
        var copies = TestMailServer.withSubject(title);
        assertThat(copies).hasSize(2);
        assertThat(copies.stream().map(TestMailServer::messageId).distinct())
                .containsExactly("<vigil-mail-" + outbox.findByEventKey("test:" + title).orElseThrow().id() + "@localhost>");
        assertThat(copies.get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ciso@vigil.example", "manager@vigil.example");
    }

    @Test
    void nothingIsMailedWhenTheStateChangeRollsBack() throws Exception {
        String title = "Rolled back " + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            notifications.queue(MailRequest.toGroups("test:" + title, "test-message", List.of("ciso"),
                    Map.of("title", title, "text", "x")));
            status.setRollbackOnly();
        });

        // Nothing was recorded, so nothing can go out later: no outbox row, hence no event to deliver it.
        assertThat(outbox.existsByEventKey("test:" + title)).isFalse();
        assertThat(TestMailServer.withSubject(title)).isEmpty();
    }

    @Test
    void anUnknownTemplateIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> notifications.queue(MailRequest.toGroups("test:nope", "no-such-template",
                List.of("ciso"), Map.of()))).hasMessageContaining("no-such-template");
        assertThat(notifications.wasSent("test:nope")).isFalse();
    }
}
