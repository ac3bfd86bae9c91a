package org.vigil.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * An outbox row as the mail that goes out: rendered from its template and model, from {@code vigil.notification.from},
 * and carrying the row's {@code Message-ID} (kept by Spring's sender, which only generates one when none is set).
 */
@Component
class MailMessages {

    private final MailTemplates templates;
    private final JavaMailSender mailSender;
    private final ObjectMapper json;
    private final String from;
    private final String domain;

    MailMessages(MailTemplates templates, JavaMailSender mailSender, ObjectMapper json, NotificationSettings settings) {
        this.templates = templates;
        this.mailSender = mailSender;
        this.json = json;
        this.from = settings.from();
        this.domain = settings.senderDomain();
    }

    MimeMessage of(OutboundMail mail, Instant now) throws MessagingException {
        var rendered = templates.render(mail.template(), model(mail));
        MimeMessage message = mailSender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipients().split(","));
        helper.setSubject(rendered.subject());
        helper.setText(rendered.body());
        helper.setSentDate(Date.from(now));
        message.setHeader("Message-ID", messageId(mail));
        return message;
    }

    String messageId(OutboundMail mail) {
        return mail.messageId(domain);
    }

    /** The subject as the mail says it, for the form that tells IT operations which mail failed; empty if it does not render. */
    String subjectOf(OutboundMail mail) {
        try {
            return templates.render(mail.template(), model(mail)).subject();
        } catch (RuntimeException unrenderable) {
            return "";
        }
    }

    private Map<String, Object> model(OutboundMail mail) {
        try {
            return json.readValue(mail.model(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
