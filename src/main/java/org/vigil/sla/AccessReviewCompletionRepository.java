package org.vigil.sla;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccessReviewCompletionRepository extends JpaRepository<AccessReviewCompletion, Long> {

    // An upsert: the event delivered twice (a retry, two nodes resubmitting) writes the same row.
    @Modifying
    @Query(value = "insert into access_review_completion (campaign_id, items, decided, closed_at) values (:campaignId, :items, :decided, :closedAt) "
            + "on duplicate key update items = values(items), decided = values(decided), closed_at = values(closed_at)", nativeQuery = true)
    int record(long campaignId, long items, long decided, Instant closedAt);

    /** Items and decided items of the campaigns whose review window closed since {@code since}. */
    @Query(value = "select coalesce(sum(items), 0), coalesce(sum(decided), 0) from access_review_completion where closed_at >= :since",
            nativeQuery = true)
    List<Object[]> itemsAndDecidedSince(Instant since);
}
