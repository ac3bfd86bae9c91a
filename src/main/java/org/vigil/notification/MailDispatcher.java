package org.vigil.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends a recorded mail after its transaction committed. A failure leaves the event publication incomplete,
 * so {@link MailRetry} submits it again; the row lock and the sent mark keep it from going out twice.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final OutboundMailRepository outbox;
    private final MailTemplates templates;
    private final JavaMailSender mailSender;
    private final Clock clock;
    private final String from;
    private final ObjectMapper json;

    MailDispatcher(OutboundMailRepository outbox, MailTemplates templates, JavaMailSender mailSender, Clock clock,
            NotificationSettings settings, ObjectMapper json) {
        this.json = json;
        this.outbox = outbox;
        this.templates = templates;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = settings.from();
    }

    @ApplicationModuleListener
    void on(MailQueued queued) {
        var mail = outbox.lockById(queued.mailId()).orElseThrow();
        if (mail.isSent()) {
            return;
        }
        mail.attempted();
        var rendered = templates.render(mail.template(), model(mail));
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.recipients().split(","));
        message.setSubject(rendered.subject());
        message.setText(rendered.body());
        mailSender.send(message);
        mail.sent(clock.instant());
        // Ids only: the event key and template name carry no patient data.
        log.info("Mail {} ({}) sent", mail.eventKey(), mail.template());
    }

    private Map<String, Object> model(OutboundMail mail) {
        try {
            return json.readValue(mail.model(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
