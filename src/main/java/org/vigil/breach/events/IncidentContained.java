package org.vigil.breach.events;

import java.time.Instant;

/**
 * Containment of an incident ended at {@code containedAt}, as IT operations recorded it (not when they completed
 * the task). Ids and dates only: no patient data leaves the breach capability in an event.
 */
public record IncidentContained(long incidentId, Instant discoveredAt, Instant containedAt) {}
