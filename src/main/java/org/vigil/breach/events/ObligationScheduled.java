package org.vigil.breach.events;

import java.time.Instant;

/**
 * A notification obligation is owed by {@code dueAt}: just planned, moved by a re-plan, or owed again after a
 * withdrawal. {@code what} is a label without patient data; {@code ownerGroup} answers for the notice.
 */
public record ObligationScheduled(long obligationId, long incidentId, String recipient, String jurisdiction, String what,
        String ownerGroup, String processInstanceId, Instant plannedAt, Instant dueAt, Instant remindAt, Instant escalateAt) {}
