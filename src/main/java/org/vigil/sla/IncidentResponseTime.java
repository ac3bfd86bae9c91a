package org.vigil.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One incident's response times as the breach capability announced them; written only by the repository's upserts. */
@Entity
@Table(name = "incident_response_time")
class IncidentResponseTime {

    @Id
    @Column(name = "incident_id")
    private Long incidentId;

    @Column(name = "discovered_at", nullable = false) private Instant discoveredAt;
    @Column(name = "contained_at") private Instant containedAt;
    @Column(name = "individuals_notified_at") private Instant individualsNotifiedAt;

    protected IncidentResponseTime() {}

    Long incidentId() { return incidentId; }
    Instant discoveredAt() { return discoveredAt; }
    Instant containedAt() { return containedAt; }
    Instant individualsNotifiedAt() { return individualsNotifiedAt; }

    Duration timeToContain() { return containedAt == null ? null : Duration.between(discoveredAt, containedAt); }
    Duration timeToNotify() { return individualsNotifiedAt == null ? null : Duration.between(discoveredAt, individualsNotifiedAt); }
}
