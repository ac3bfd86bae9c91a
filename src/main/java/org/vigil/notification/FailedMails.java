package org.vigil.notification;

import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.CompanyCalendar;

/**
 * What the task of processes/mail-delivery-failed.bpmn says on its card and when it is due:
 * {@code name="Mail not delivered: ${failedMails.title(mailId)}"} reads "Mail not delivered: Reminder: notice to
 * individuals in Texas due Wed 1 Apr 2026 17:00 EDT (mail 42)". The subject is what the template made of ids, codes
 * and dates: a mail's model never holds patient data.
 */
// Public: the model calls it through JUEL, which invokes only methods of public classes.
@Component("failedMails")
public class FailedMails {

    private final OutboundMailRepository outbox;
    private final MailMessages messages;
    private final CompanyCalendar calendar;
    private final Clock clock;

    FailedMails(OutboundMailRepository outbox, MailMessages messages, CompanyCalendar calendar, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public String title(Object mailId) {
        long id = ((Number) mailId).longValue();
        return outbox.findById(id).map(messages::subjectOf).filter(subject -> !subject.isBlank())
                .map(subject -> subject + " (mail " + id + ")").orElse("mail " + id);
    }

    /** Within the next working day: the people waiting for the mail are told nothing until then. */
    public Date resolveBy() {
        return Date.from(calendar.plusWorkingDays(clock.instant(), 1));
    }
}
