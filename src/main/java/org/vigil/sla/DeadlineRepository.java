package org.vigil.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeadlineRepository extends JpaRepository<DeadlineEntry, Long> {

    // A query string, not a derived query: Hibernate caches the translation of a string, while a derived query's
    // criteria are translated on every call, and this one runs on every user task's create and complete.
    @Query("select d from DeadlineEntry d where d.sourceType = :sourceType and d.sourceId = :sourceId")
    Optional<DeadlineEntry> findBySourceTypeAndSourceId(String sourceType, String sourceId);

    List<DeadlineEntry> findByStatusInOrderByDueAt(Collection<DeadlineStatus> statuses, Pageable page);

    List<DeadlineEntry> findByStatusInAndDueAtBeforeOrderByDueAt(Collection<DeadlineStatus> statuses, Instant before, Pageable page);

    /**
     * The open deadlines whose due time has passed and that are not yet marked overdue, by key: a plain read that locks
     * nothing; {@link DeadlineStatusSweep} then updates them in small batches.
     */
    @Query("select d.id from DeadlineEntry d where d.status in (org.vigil.sla.DeadlineStatus.OPEN, org.vigil.sla.DeadlineStatus.AT_RISK) "
            + "and d.dueAt < :now and d.completedAt is null order by d.id")
    List<Long> idsFallenOverdue(Instant now);

    /** The open deadlines whose warning time has come and whose due time has not, by key. */
    @Query("select d.id from DeadlineEntry d where d.status = org.vigil.sla.DeadlineStatus.OPEN "
            + "and d.warnAt <= :now and d.dueAt >= :now and d.completedAt is null order by d.id")
    List<Long> idsFallenAtRisk(Instant now);

    /** Every open deadline by process and status, for the metrics (a process's own tasks under its own name). */
    @Query("select d.processKey, d.status, count(d) from DeadlineEntry d where d.completedAt is null group by d.processKey, d.status")
    List<Object[]> countOpenByProcessAndStatus();

    /** Per process, deadlines met and all met or missed, completed in {@code [from, to)}: one quarter in the company's zone. */
    @Query("select d.processKey, sum(case when d.status = org.vigil.sla.DeadlineStatus.MET then 1 else 0 end), count(d) "
            + "from DeadlineEntry d where d.completedAt >= :from and d.completedAt < :to "
            + "and d.status in (org.vigil.sla.DeadlineStatus.MET, org.vigil.sla.DeadlineStatus.MISSED) group by d.processKey")
    List<Object[]> onTimeByProcess(Instant from, Instant to);

    /** The open deadlines of a kind in these process instances: an obligation's task, a task's obligation. */
    @Query("select d from DeadlineEntry d where d.processInstanceId in :instances and d.sourceType = :sourceType "
            + "and d.status in (org.vigil.sla.DeadlineStatus.OPEN, org.vigil.sla.DeadlineStatus.AT_RISK, org.vigil.sla.DeadlineStatus.OVERDUE)")
    List<DeadlineEntry> findOpenInInstances(Collection<String> instances, String sourceType);

    /**
     * Open deadlines by process and status, a user task counted only where no open obligation of its process
     * instance counts already: that task is the obligation's current step, not a deadline of its own.
     */
    @Query("select d.processKey, d.status, count(d) from DeadlineEntry d where d.completedAt is null and not exists ("
            + "select o.id from DeadlineEntry o where d.sourceType = '" + DeadlineSpec.USER_TASK + "' "
            + "and o.processInstanceId = d.processInstanceId and o.sourceType = '" + DeadlineSpec.OBLIGATION + "' and o.completedAt is null) "
            + "group by d.processKey, d.status")
    List<Object[]> countOpenDeadlinesByProcessAndStatus();
}
