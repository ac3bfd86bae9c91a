package org.vigil.audit.events;

import java.time.Instant;

/** A finding of an audit was recorded: its kind (major, minor, observation, improvement) and the auditee group owning it. */
public record FindingRecorded(long auditId, long findingId, String kind, String ownerGroup, Instant recordedAt) {}
