package org.vigil.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.TaskFormContext;

/**
 * What the form of a failed mail shows IT operations, read from the outbox when the task is opened: which mail
 * (subject and event), to whom, how often it was tried and what the server said the last time. Staff addresses and
 * ids, never patient data; none of it becomes a process variable.
 */
@Component
class FailedMailFormContext implements TaskFormContext {

    private final OutboundMailRepository outbox;
    private final MailMessages messages;
    private final MailWords words;

    FailedMailFormContext(OutboundMailRepository outbox, MailMessages messages, MailWords words) {
        this.outbox = outbox;
        this.messages = messages;
        this.words = words;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> valuesFor(FormTask task) {
        if (!FailedMailProcess.KEY.equals(task.processDefinitionKey())
                || !(task.variable().apply(FailedMailVariables.MAIL_ID.name()) instanceof Number id)) {
            return Map.of();
        }
        return outbox.findById(id.longValue()).<Map<String, Object>>map(mail -> {
            var values = new LinkedHashMap<String, Object>();
            values.put("mailSubject", orNone(messages.subjectOf(mail)));
            values.put("mailEvent", mail.eventKey());
            values.put("mailMessageId", messages.messageId(mail));
            values.put("mailRecipients", mail.recipients().replace(",", ", "));
            values.put("mailAttempts", mail.attempts());
            values.put("mailQueuedAt", when(mail.queuedAt()));
            values.put("mailLastAttemptAt", when(mail.lastAttemptAt()));
            values.put("mailLastError", orNone(mail.lastError()));
            values.put("mailStatus", mail.isSent() ? "sent" : mail.isFailed() ? "given up" : "queued again, not sent yet");
            return values;
        }).orElse(Map.of());
    }

    private String when(Instant instant) {
        return instant == null ? "never" : words.at(instant);
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(none)" : text;
    }
}
