package org.vigil.breach.events;

import java.time.Instant;

/** An incident was reported (through the API or the Tasklist form) and its breach response started. Ids and dates only. */
public record IncidentReported(long incidentId, Instant discoveredAt, Instant reportedAt) {}
