package org.vigil.notification;

import java.time.Clock;
import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Submits again every mail whose sending failed (mail server down, say), until the server takes it. */
@Component
class MailRetry {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;
    private final Clock clock;

    MailRetry(IncompleteEventPublications incomplete, Clock clock, NotificationSettings settings) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.olderThan = settings.retryAfter();
    }

    @Scheduled(fixedDelayString = "${vigil.notification.retry-every:PT1M}", initialDelayString = "${vigil.notification.retry-every:PT1M}")
    void resubmitFailedMail() {
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof MailQueued
                && publication.getPublicationDate().isBefore(clock.instant().minus(olderThan)));
    }
}
