package org.vigil.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One campaign's review window as the access-review capability announced its close; written only by the repository's upsert. */
@Entity
@Table(name = "access_review_completion")
class AccessReviewCompletion {

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(nullable = false) private long items;
    @Column(nullable = false) private long decided;
    @Column(name = "closed_at", nullable = false) private Instant closedAt;

    protected AccessReviewCompletion() {}
}
