package org.vigil.documents;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LetterBatchRepository extends JpaRepository<LetterBatch, Long> {

    @Query("select b from LetterBatch b where b.ownerRef = :ownerRef order by b.id desc limit 1")
    Optional<LetterBatch> latestOf(String ownerRef);

    @Query("select b from LetterBatch b where b.status in :statuses")
    List<LetterBatch> withStatus(Collection<LetterBatch.Status> statuses);

    @Query("select count(b) from LetterBatch b where b.recipientsRef = :recipientsRef and b.status in :statuses")
    long countFor(String recipientsRef, Collection<LetterBatch.Status> statuses);
}
