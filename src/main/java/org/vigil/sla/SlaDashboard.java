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

    /** A mean time over {@code incidents} incidents; the means are null when there were none. */
    record ResponseTime(Double meanHours, Double meanDays, long incidents) {}

    /** {@code definitions} says in plain words what each figure counts, for the page and the export alike. */
    record Summary(Map<String, Long> openByUrgency, Map<String, List<QuarterRate>> onTimeRateByProcess, ResponseTime timeToContain,
            ResponseTime timeToNotify, Double accessReviewCompletion, Map<String, String> definitions, Instant asOf) {}

    static final int LIST_LIMIT = 500;

    static final String ON_TIME_RATE = "onTimeRate";
    static final String TIME_TO_CONTAIN = "timeToContain";
    static final String TIME_TO_NOTIFY = "timeToNotify";
    static final String ACCESS_REVIEW_COMPLETION = "accessReviewCompletion";

    static final Map<String, String> DEFINITIONS = Map.of(
            ON_TIME_RATE, "Share of deadlines met, per process and quarter of completion: a task completed by its due date, a "
                    + "regulatory notice sent by its deadline. A notice counts on the date it was sent, as recorded with its proof, "
                    + "so a notice sent after its deadline is late however soon it was recorded. Cancelled and withdrawn deadlines "
                    + "are left out.",
            TIME_TO_CONTAIN, "Mean time from the discovery of an incident to the end of its containment as IT operations "
                    + "recorded it, over the incidents contained in the last 365 days.",
            TIME_TO_NOTIFY, "Mean time from the discovery of an incident to the day its last required notice to individuals "
                    + "(the people affected, GDPR data subjects) was sent, as recorded with its proof, over the incidents whose "
                    + "individual notices were all sent in the last 365 days. Withdrawn notices are left out.",
            ACCESS_REVIEW_COMPLETION, "Share of the access-review items decided by a reviewer, over the campaigns whose review "
                    + "window closed in the last 365 days; the undecided ones became exceptions for the owners' sign-off.");

    private final DeadlineRepository deadlines;
    private final IncidentResponseTimeRepository responseTimes;
    private final AccessReviewCompletionRepository reviewCompletion;
    private final Clock clock;
    private final Duration summaryMaxAge;
    /** The aggregates scan a year of history: a burst of dashboard requests shares one computation. */
    private volatile Summary cached;

    SlaDashboard(DeadlineRepository deadlines, IncidentResponseTimeRepository responseTimes,
            AccessReviewCompletionRepository reviewCompletion, Clock clock, SlaSettings settings) {
        this.deadlines = deadlines;
        this.responseTimes = responseTimes;
        this.reviewCompletion = reviewCompletion;
        this.clock = clock;
        this.summaryMaxAge = settings.summaryMaxAge();
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
        Object[] review = reviewCompletion.itemsAndDecidedSince(year).get(0);
        long reviewItems = ((Number) review[0]).longValue();
        return new Summary(byUrgency, rates,
                responseTime(responseTimes.containedSince(year)),
                responseTime(responseTimes.individualsNotifiedSince(year)),
                reviewItems == 0 ? null : ((Number) review[1]).doubleValue() / reviewItems,
                DEFINITIONS, now);
    }

    /** Each incident's response times over the same 365 days as the summary's means, by incident. */
    @Transactional(readOnly = true)
    List<IncidentResponseTime> responseTimes() {
        return responseTimes.recordedSince(clock.instant().minus(Duration.ofDays(365)));
    }

    private static ResponseTime responseTime(List<Object[]> countAndMeanSeconds) {
        Object[] row = countAndMeanSeconds.get(0);
        long incidents = ((Number) row[0]).longValue();
        Double seconds = row[1] == null ? null : ((Number) row[1]).doubleValue();
        return new ResponseTime(hours(seconds), seconds == null ? null : Math.round(seconds / 864.0) / 100.0, incidents);
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
