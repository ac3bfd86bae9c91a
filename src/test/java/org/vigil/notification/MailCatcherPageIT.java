package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * The demo's mail catcher: an SMTP server inside Vigil on 127.0.0.1 whose mails an administrator reads at
 * {@code /demo/mails} (to, subject, time, the text), and nobody else. The tests' own mail goes to TestMailServer, so
 * a mail is handed to the catcher here as Vigil's sender hands it in the demo: over SMTP, to its port.
 */
@VigilSpringTest
class MailCatcherPageIT {

    @LocalServerPort int port;
    @Autowired MailCatcher catcher;
    @Autowired ObjectMapper json;

    /** Hands a mail to the catcher as Vigil's sender does in the demo: over SMTP, to two people. */
    static void handToCatcher(int catcherPort, String subject, String messageId, String text) throws Exception {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(catcherPort);
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom("vigil@vigil.example");
        helper.setTo(new String[] {"privacy@vigil.example", "ciso@vigil.example"});
        helper.setSubject(subject);
        helper.setText(text);
        message.setHeader("Message-ID", messageId);
        sender.send(message);
    }

    @Test
    void anAdministratorSeesACaughtMailWithItsTextAndOthersAreRefused() throws Exception {
        String subject = "[Vigil] Reminder: notice to Texas attorney general due Wed 1 Apr 2026 17:00 EDT " + UUID.randomUUID();
        String messageId = "<vigil-mail-" + UUID.randomUUID() + "@vigil.example>";
        handToCatcher(catcher.port(), subject, messageId,
                "A quarter of the time is left for the notice to Texas attorney general of incident 42.");

        var admin = new WebClient(port).as("admin", "demo");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/demo/mails/list").body().contains(messageId));
        var list = json.readTree(admin.get("/demo/mails/list").body());
        assertThat(list.path("port").asInt()).isEqualTo(catcher.port());
        var mails = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        list.path("mails").forEach(mails::add);
        var caught = mails.stream().filter(mail -> mail.path("messageId").asText().equals(messageId)).toList();
        assertThat(caught).as("one row for a mail to two people").hasSize(1);
        assertThat(caught.get(0).path("subject").asText()).isEqualTo(subject);
        assertThat(caught.get(0).path("to").asText()).isEqualTo("privacy@vigil.example, ciso@vigil.example");
        assertThat(caught.get(0).path("sent").asText()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} E[SD]T");
        assertThat(caught.get(0).path("body").asText()).contains("of incident 42.");

        var page = admin.get("/demo/mails");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Demo mails</h1>", "/demo/mails/mails.js");

        for (String user : new String[] {"staff", "privacy", "sysadmin", "manager"}) {
            assertThat(new WebClient(port).as(user, "demo").get("/demo/mails/list").statusCode()).as(user).isEqualTo(403);
            assertThat(new WebClient(port).as(user, "demo").get("/demo/mails").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(new WebClient(port).get("/demo/mails/list").statusCode()).as("anonymous").isIn(302, 401);
    }
}
