package org.vigil.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.platform.PeopleDirectory;

/**
 * Records e-mail to people in the caller's transaction; it goes out once that transaction has committed, and is
 * tried again with a growing wait until the server takes it or the attempts run out ({@link MailDelivery}).
 */
@Service
@NamedInterface("api")
public class Notifications {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Notifications.class);

    private final OutboundMailRepository outbox;
    private final PeopleDirectory people;
    private final MailTemplates templates;
    private final MailDelivery delivery;
    private final Clock clock;
    private final ObjectMapper json;

    Notifications(OutboundMailRepository outbox, PeopleDirectory people, MailTemplates templates,
            MailDelivery delivery, Clock clock, ObjectMapper json) {
        this.json = json;
        this.outbox = outbox;
        this.people = people;
        this.templates = templates;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Queues the mail unless one with the same event key was queued before.
     *
     * @return whether this call queued it
     */
    @Transactional
    public boolean queue(MailRequest request) {
        templates.requireExists(request.template());
        if (outbox.existsByEventKey(request.eventKey())) {
            return false;
        }
        Set<String> recipients = new LinkedHashSet<>();
        request.toUsers().forEach(user -> people.emailOf(user).ifPresent(recipients::add));
        request.toGroups().forEach(group -> recipients.addAll(people.emailsOfGroup(group)));
        if (recipients.isEmpty()) {
            // Nobody to tell is a gap in the directory, not a reason to fail the process step that asked.
            log.warn("Mail {} ({}) not queued: no recipient has an e-mail address", request.eventKey(), request.template());
            return false;
        }
        var mail = outbox.save(new OutboundMail(request.eventKey(), request.template(), String.join(",", recipients),
                toJson(request), clock.instant()));
        long mailId = mail.id();
        // The first attempt right after commit; should it be lost (a crash), the poller finds the row due.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.deliverSoon(mailId);
            }
        });
        return true;
    }

    /** Whether a mail for this event key was sent (for evidence and tests). */
    @Transactional(readOnly = true)
    public boolean wasSent(String eventKey) {
        return outbox.findByEventKey(eventKey).map(OutboundMail::isSent).orElse(false);
    }

    private String toJson(MailRequest request) {
        try {
            return json.writeValueAsString(request.model());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Mail model of " + request.eventKey() + " is not serialisable", e);
        }
    }
}
