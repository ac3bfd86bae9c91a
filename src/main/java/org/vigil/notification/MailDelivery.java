package org.vigil.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds: each mail once right after the transaction that recorded it committed, and every mail
 * whose next attempt has come, polled one at a time. Each is taken with a row lock other nodes skip and sent in
 * that transaction, so no two nodes send one mail; a mail is marked sent only after the server took it. A failure
 * is recorded afterwards, in a transaction of its own ({@link MailFailures}), so the attempt counts whatever became
 * of the sending transaction.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** Keeps one poll from holding the thread when thousands are due (batch size x 10): the next poll goes on. */
    private static final int MAX_BATCHES_PER_POLL = 10;

    private final OutboundMailRepository outbox;
    private final MailMessages messages;
    private final JavaMailSender mailSender;
    private final MailFailures failures;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;

    MailDelivery(OutboundMailRepository outbox, MailMessages messages, JavaMailSender mailSender, MailFailures failures,
            TransactionTemplate transaction, Clock clock, NotificationSettings settings) {
        this.outbox = outbox;
        this.messages = messages;
        this.mailSender = mailSender;
        this.failures = failures;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = settings.batchSize();
    }

    /** The first attempt, on its own thread once the recording transaction committed. */
    @Async
    void deliverSoon(long mailId) {
        deliver(now -> outbox.lockIfDue(mailId, now).stream().toList());
    }

    @Scheduled(fixedDelayString = "${vigil.notification.poll-every:PT15S}", initialDelayString = "${vigil.notification.poll-every:PT15S}")
    void deliverDue() {
        // One mail per transaction: a crash after the server took a mail resends that mail alone, not every mail sent
        // earlier in a batch whose transaction had not yet committed (the 30-minute crash run saw 4 mails twice).
        for (int mail = 0; mail < batchSize * MAX_BATCHES_PER_POLL; mail++) {
            if (deliver(now -> outbox.lockDue(now, 1)) == 0) {
                return;
            }
        }
    }

    /** @return how many mails were taken */
    private int deliver(Function<Instant, List<OutboundMail>> lock) {
        List<MailFailures.FailedAttempt> failed = new ArrayList<>();
        Integer taken = transaction.execute(status -> {
            Instant now = clock.instant();
            List<OutboundMail> due = lock.apply(now);
            for (OutboundMail mail : due) {
                attempt(mail, now).ifPresent(failed::add);
            }
            return due.size();
        });
        for (var attempt : failed) {
            try {
                failures.record(attempt);
            } catch (RuntimeException unrecorded) {
                // The database itself is the trouble: the mail is still due, and the next poll tries and records it.
                log.warn("Mail {}: failed attempt not recorded: {}", attempt.mailId(), MailFailures.describe(unrecorded));
            }
        }
        return taken == null ? 0 : taken;
    }

    private Optional<MailFailures.FailedAttempt> attempt(OutboundMail mail, Instant now) {
        try {
            mailSender.send(messages.of(mail, now));
        } catch (Exception failure) {
            // Recorded (and logged, one line) by MailFailures once this transaction has let go of the row.
            return Optional.of(new MailFailures.FailedAttempt(mail.id(), mail.attempts(), MailFailures.describe(failure)));
        }
        mail.sent(clock.instant());
        // Ids only: the event key and template name carry no patient data.
        log.info("Mail {} {} ({}) sent", mail.id(), mail.eventKey(), mail.template());
        return Optional.empty();
    }
}
