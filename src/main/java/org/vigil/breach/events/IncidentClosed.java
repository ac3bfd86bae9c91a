package org.vigil.breach.events;

import java.time.Instant;

/**
 * An incident was closed after its post-incident review, at the severity triage gave it (low, medium, high,
 * critical). {@code exercise}: a breach-response exercise's incident, which must start nothing real.
 */
public record IncidentClosed(long incidentId, String severity, Instant closedAt, boolean exercise) {}
