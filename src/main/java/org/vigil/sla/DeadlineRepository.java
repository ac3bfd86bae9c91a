package org.vigil.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeadlineRepository extends JpaRepository<DeadlineEntry, Long> {

    // A query string, not a derived query: Hibernate caches the translation of a string, while a derived query's
    // criteria are translated on every call, and this one runs on every user task's create and complete.
    @Query("select d from DeadlineEntry d where d.sourceType = :sourceType and d.sourceId = :sourceId")
    Optional<DeadlineEntry> findBySourceTypeAndSourceId(String sourceType, String sourceId);

    List<DeadlineEntry> findByStatusInOrderByDueAt(Collection<DeadlineStatus> statuses, Pageable page);

    List<DeadlineEntry> findByStatusInAndDueAtBeforeOrderByDueAt(Collection<DeadlineStatus> statuses, Instant before, Pageable page);

    /** Keeps stored statuses current as time passes; idempotent, so safe after a restart and on every node. */
    @Modifying
    @Query("update DeadlineEntry d set d.status = org.vigil.sla.DeadlineStatus.OVERDUE "
            + "where d.completedAt is null and d.dueAt < :now and d.status <> org.vigil.sla.DeadlineStatus.OVERDUE")
    int markOverdue(Instant now);

    @Modifying
    @Query("update DeadlineEntry d set d.status = org.vigil.sla.DeadlineStatus.AT_RISK "
            + "where d.completedAt is null and d.dueAt >= :now and d.warnAt <= :now and d.status = org.vigil.sla.DeadlineStatus.OPEN")
    int markAtRisk(Instant now);

    @Query("select d.processKey, d.status, count(d) from DeadlineEntry d where d.completedAt is null group by d.processKey, d.status")
    List<Object[]> countOpenByProcessAndStatus();

    @Query("select d.processKey, year(d.completedAt), extract(quarter from d.completedAt), "
            + "sum(case when d.status = org.vigil.sla.DeadlineStatus.MET then 1 else 0 end), count(d) "
            + "from DeadlineEntry d where d.completedAt >= :since and d.status in (org.vigil.sla.DeadlineStatus.MET, org.vigil.sla.DeadlineStatus.MISSED) "
            + "group by d.processKey, year(d.completedAt), extract(quarter from d.completedAt)")
    List<Object[]> onTimeByProcessAndQuarter(Instant since);
}
