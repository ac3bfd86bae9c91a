package org.vigil.notification;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Submits again every mail whose sending failed (mail server down, say), until the server takes it. */
@Component
class MailRetry {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;
    private final Clock clock;

    MailRetry(IncompleteEventPublications incomplete, Clock clock,
            @Value("${vigil.notification.retry-after:PT1M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${vigil.notification.retry-every:PT1M}", initialDelayString = "${vigil.notification.retry-every:PT1M}")
    void resubmitFailedMail() {
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof MailQueued
                && publication.getPublicationDate().isBefore(clock.instant().minus(olderThan)));
    }
}
