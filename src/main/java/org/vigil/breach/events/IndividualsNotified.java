package org.vigil.breach.events;

import java.time.Instant;

/**
 * Every individual notice an incident still owes (to individuals, to data subjects; withdrawn duties left out) has
 * been sent, the last one at {@code lastNoticeSentAt}, the sending date recorded with its proof. Published again with
 * a later date when a re-plan adds an individual notice that is sent later.
 */
public record IndividualsNotified(long incidentId, Instant discoveredAt, Instant lastNoticeSentAt) {}
