package org.vigil.documents;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface LetterBatchRepository extends JpaRepository<LetterBatch, Long> {

    @Query("select b from LetterBatch b where b.ownerRef = :ownerRef order by b.id desc limit 1")
    Optional<LetterBatch> latestOf(String ownerRef);

    @Query("select b from LetterBatch b where b.status in :statuses")
    List<LetterBatch> withStatus(Collection<LetterBatch.Status> statuses);

    @Query("select count(b) from LetterBatch b where b.recipientsRef = :recipientsRef and b.status in :statuses")
    long countFor(String recipientsRef, Collection<LetterBatch.Status> statuses);

    /** Bulk updates leave the version alone: a dispatch or a purge recorded is not taken for another node's claim. */
    @Transactional
    @Modifying
    @Query("update LetterBatch b set b.dispatchedAt = :at where b.ownerRef = :ownerRef and b.dispatchedAt is null")
    int dispatched(String ownerRef, Instant at);

    @Query("select b from LetterBatch b where b.purgedAt is null and b.dispatchedAt <= :before and b.status in :statuses")
    List<LetterBatch> dispatchedBefore(Instant before, Collection<LetterBatch.Status> statuses);

    @Query("select b from LetterBatch b where b.purgedAt is null")
    List<LetterBatch> unpurged();

    @Transactional
    @Modifying
    @Query("update LetterBatch b set b.purgedAt = :at where b.id = :id and b.purgedAt is null")
    int purged(long id, Instant at);
}
