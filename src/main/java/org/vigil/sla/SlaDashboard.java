package org.vigil.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the /sla page and the /api/sla endpoints show. */
@Service
class SlaDashboard {

    record DeadlineRow(long id, String sourceType, String processKey, String step, String what, String ownerGroup,
            Instant dueAt, Instant warnAt, String status, String link) {}

    record QuarterRate(String quarter, long onTime, long total, Double rate) {}

    record Summary(Map<String, Long> openByUrgency, Map<String, List<QuarterRate>> onTimeRateByProcess,
            Double meanHoursToContain, Double meanHoursToNotify, Double accessReviewCompletion, Instant asOf) {}

    static final int LIST_LIMIT = 500;

    private final DeadlineRepository deadlines;
    private final Clock clock;
    private final Duration summaryMaxAge;
    /** The aggregates scan a year of history: a burst of dashboard requests shares one computation. */
    private volatile Summary cached;

    SlaDashboard(DeadlineRepository deadlines, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${vigil.sla.summary-max-age:PT10S}") Duration summaryMaxAge) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.summaryMaxAge = summaryMaxAge;
    }

    Summary summary() {
        Summary current = cached;
        if (current != null && current.asOf().plus(summaryMaxAge).isAfter(clock.instant())) {
            return current;
        }
        current = computeSummary();
        cached = current;
        return current;
    }

    /** Statuses were refreshed: the next summary is computed anew. */
    void invalidate() {
        cached = null;
    }

    private Summary computeSummary() {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        Map<String, Long> byUrgency = new TreeMap<>(Map.of("OPEN", 0L, "AT_RISK", 0L, "OVERDUE", 0L));
        for (Object[] row : deadlines.countOpenByProcessAndStatus()) {
            byUrgency.merge(((DeadlineStatus) row[1]).name(), ((Number) row[2]).longValue(), Long::sum);
        }
        Instant since = startOfQuarter(now.atZone(zone)).minusMonths(9).toInstant();
        Map<String, List<QuarterRate>> rates = new TreeMap<>();
        for (Object[] row : deadlines.onTimeByProcessAndQuarter(since)) {
            long onTime = ((Number) row[3]).longValue();
            long total = ((Number) row[4]).longValue();
            rates.computeIfAbsent((String) row[0], key -> new ArrayList<>())
                    .add(new QuarterRate(row[1] + "-Q" + row[2], onTime, total, total == 0 ? null : (double) onTime / total));
        }
        rates.values().forEach(list -> list.sort(java.util.Comparator.comparing(QuarterRate::quarter)));
        Instant year = now.minus(Duration.ofDays(365));
        long reviewItems = deadlines.countOfTypeSince(DeadlineSpec.ACCESS_REVIEW_ITEM, year);
        return new Summary(byUrgency, rates,
                hours(deadlines.meanSecondsToComplete("Task_ContainIncident", year)),
                hours(deadlines.meanSecondsToCompleteOfType(DeadlineSpec.OBLIGATION, year)),
                reviewItems == 0 ? null : (double) deadlines.countCompletedOfTypeSince(DeadlineSpec.ACCESS_REVIEW_ITEM, year) / reviewItems,
                now);
    }

    /** Overdue deadlines, most overdue first. */
    @Transactional(readOnly = true)
    List<DeadlineRow> overdue() {
        return deadlines.findByStatusInOrderByDueAt(EnumSet.of(DeadlineStatus.OVERDUE), PageRequest.of(0, LIST_LIMIT))
                .stream().map(this::row).toList();
    }

    /** Open deadlines falling due within the next {@code days} days, soonest first. */
    @Transactional(readOnly = true)
    List<DeadlineRow> atRisk(int days) {
        return deadlines.findByStatusInAndDueAtBeforeOrderByDueAt(EnumSet.of(DeadlineStatus.OPEN, DeadlineStatus.AT_RISK),
                clock.instant().plus(Duration.ofDays(days)), PageRequest.of(0, LIST_LIMIT)).stream().map(this::row).toList();
    }

    private DeadlineRow row(DeadlineEntry entry) {
        String link = entry.taskId() != null
                ? "/camunda/app/tasklist/default/#/?task=" + entry.taskId()
                : entry.processInstanceId() != null ? "/camunda/app/cockpit/default/#/process-instance/" + entry.processInstanceId() : null;
        return new DeadlineRow(entry.id(), entry.sourceType(), entry.processKey(), entry.step(), entry.what(), entry.ownerGroup(),
                entry.dueAt(), entry.warnAt(), entry.status().name(), link);
    }

    private static ZonedDateTime startOfQuarter(ZonedDateTime at) {
        int firstMonth = (at.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1;
        return LocalDate.of(at.getYear(), firstMonth, 1).atStartOfDay(at.getZone());
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
    }
}
