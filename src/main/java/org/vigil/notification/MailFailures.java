package org.vigil.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a failed attempt leaves: the attempt counted, the error kept, the next attempt backed off; after the last
 * allowed attempt the mail is failed, IT operations get a Tasklist task ({@code processes/mail-delivery-failed.bpmn})
 * and {@code vigil_mail_failed_total} rises. One log line per failure, without a stack trace: a mail server that is
 * down is an expected condition, and the error's message says all there is.
 */
@Component
class MailFailures {

    private static final Logger log = LoggerFactory.getLogger(MailFailures.class);
    private static final int MAX_ERROR = 500;

    /** One failed attempt of one mail, as the sending transaction saw it: its attempts before, and the error in words. */
    record FailedAttempt(long mailId, int attemptsBefore, String error) {}

    private final OutboundMailRepository outbox;
    private final FailedMailProcess process;
    private final Clock clock;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Counter failedMails;

    MailFailures(OutboundMailRepository outbox, FailedMailProcess process, Clock clock, NotificationSettings settings,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.process = process;
        this.clock = clock;
        this.backoff = new Backoff(settings, () -> ThreadLocalRandom.current().nextDouble());
        this.maxAttempts = settings.maxAttempts();
        // Registered at start, so an alert on its rate sees 0 before the first failure.
        this.failedMails = Counter.builder("vigil.mail.failed")
                .description("Mails given up after the last allowed attempt; IT operations have a task for each")
                .register(meters);
    }

    /** Records the attempt unless someone recorded it (or sent the mail) meanwhile. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(FailedAttempt attempt) {
        var mail = outbox.lockById(attempt.mailId()).orElse(null);
        if (mail == null || !mail.isPending() || mail.attempts() != attempt.attemptsBefore()) {
            return;
        }
        Instant now = clock.instant();
        int attempts = attempt.attemptsBefore() + 1;
        if (attempts >= maxAttempts) {
            mail.failedForGood(now, attempt.error());
            process.start(mail.id());
            afterCommit(failedMails::increment);
            log.warn("Mail {} {} ({}) failed after {} attempts, given up: {}; IT operations have a task to send it again",
                    mail.id(), mail.eventKey(), mail.template(), attempts, attempt.error());
        } else {
            Instant next = now.plus(backoff.after(attempts));
            mail.failedAttempt(now, attempt.error(), next);
            log.warn("Mail {} {} ({}) not sent, attempt {} of {}: {}; next attempt at {}",
                    mail.id(), mail.eventKey(), mail.template(), attempts, maxAttempts, attempt.error(), next);
        }
    }

    /** IT operations asked for a failed mail again ("send again" in its task): a fresh round of attempts, at once. */
    @Transactional
    void sendAgain(long mailId) {
        outbox.lockById(mailId).ifPresent(mail -> mail.sendAgain(clock.instant()));
    }

    /**
     * The error in one line: its type and the message of its root cause ({@code MailSendException: Connection
     * refused}). A mail's subject and body never appear in a sender's error; addresses may, and they are staff's.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String text = failure.getClass().getSimpleName() + ": " + message.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
