package org.vigil.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.CompanySettings;
import org.vigil.platform.WebappLinks;
import org.vigil.risk.RiskFigures;

/** What the /sla page and the /api/sla endpoints show. */
@Service
class SlaDashboard {

    /**
     * One deadline as one viewer sees it. An obligation and the task its process is at make one row: the legal
     * deadline ({@code dueAt}, {@code due} in the company's zone) with the task's step ({@code step} its id,
     * {@code stepName} in words, {@code stepDueAt} and {@code stepDue} when the task is due earlier or later). {@code heldBy} names the
     * group or the assignee; {@code tasklistLink} and {@code cockpitLink} are there only when the viewer may open
     * them. Labels are made of ids and rule codes, never of an incident's title or description (PHI).
     */
    record DeadlineRow(long id, String sourceType, String processKey, String step, String stepName, String what, String ownerGroup,
            String heldBy, Instant dueAt, String due, Instant stepDueAt, String stepDue, Instant warnAt, String status, String tasklistLink,
            String cockpitLink) {

        /** The one link a CSV line gives: the task where the viewer may open it, else the instance, else none. */
        String link() {
            return tasklistLink != null ? tasklistLink : cockpitLink;
        }
    }

    /** A quarter with no deadline met or missed has {@code total} 0 and no {@code rate}. */
    record QuarterRate(String quarter, long onTime, long total, Double rate) {}

    /** A mean time over {@code incidents} incidents; the means are null when there were none. */
    record ResponseTime(Double meanHours, Double meanDays, long incidents) {}

    /** {@code definitions} says in plain words what each figure counts, for the page and the export alike. */
    /**
     * {@code quarters} are the last four calendar quarters in the company's zone, oldest first, the current one last;
     * every process in {@code onTimeRateByProcess} has one rate for each. {@code asOfText} is {@code asOf} in that zone.
     */
    record Summary(Map<String, Long> openByUrgency, List<String> quarters, Map<String, List<QuarterRate>> onTimeRateByProcess,
            ResponseTime timeToContain, ResponseTime timeToNotify, Double accessReviewCompletion,
            ImprovementFigures.CorrectiveActionFigures correctiveActions, ImprovementFigures.AuditSchedule auditsOnSchedule,
            RiskFigures.Figures risks, Map<String, String> definitions,
            Instant asOf, String asOfText) {}

    /** "Wed 1 Apr 2026 17:00 EDT": a deadline with the zone it is read in, whatever the browser's zone. */
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

    static final int LIST_LIMIT = 500;

    static final String ON_TIME_RATE = "onTimeRate";
    static final String TIME_TO_CONTAIN = "timeToContain";
    static final String TIME_TO_NOTIFY = "timeToNotify";
    static final String ACCESS_REVIEW_COMPLETION = "accessReviewCompletion";
    static final String ACTIONS_OPEN = "correctiveActionsOpen";
    static final String ACTIONS_OVERDUE = "correctiveActionsOverdue";
    static final String FINDINGS_OPEN = "auditFindingsOpen";
    static final String TIME_TO_CLOSE = "timeToCloseActions";
    static final String EFFECTIVENESS_FAILURES = "effectivenessFailures";
    static final String AUDITS_ON_SCHEDULE = "auditsOnSchedule";
    static final String RISKS_ABOVE_THRESHOLD = "risksAboveThreshold";
    static final String RISK_ACTIONS_OVERDUE = "riskTreatmentActionsOverdue";
    static final String ASSETS_UNASSESSED = "riskAssetsUnassessed";

    static final Map<String, String> DEFINITIONS = Map.ofEntries(
            Map.entry(ON_TIME_RATE, "Share of deadlines met, per process and quarter of completion: a task completed by its due date, a "
                    + "regulatory notice sent by its deadline. A notice counts on the date it was sent, as recorded with its proof, "
                    + "so a notice sent after its deadline is late however soon it was recorded. Cancelled and withdrawn deadlines "
                    + "are left out."),
            Map.entry(TIME_TO_CONTAIN, "Mean time from the discovery of an incident to the end of its containment as IT operations "
                    + "recorded it, over the incidents contained in the last 365 days."),
            Map.entry(TIME_TO_NOTIFY, "Mean time from the discovery of an incident to the day its last required notice to individuals "
                    + "(the people affected, GDPR data subjects) was sent, as recorded with its proof, over the incidents whose "
                    + "individual notices were all sent in the last 365 days. Withdrawn notices are left out."),
            Map.entry(ACCESS_REVIEW_COMPLETION, "Share of the access-review items decided by a reviewer, over the campaigns whose review "
                    + "window closed in the last 365 days; the undecided ones became exceptions for the owners' sign-off."),
            Map.entry(ACTIONS_OPEN, "Corrective and improvement actions not yet closed as effective, by severity, whatever raised them "
                    + "(audit findings, post-incident reviews, management reviews); a reopened action counts as open. Exercises are left out."),
            Map.entry(ACTIONS_OVERDUE, "Open actions whose due date, set by the severity policy or the action plan, has passed."),
            Map.entry(FINDINGS_OPEN, "Internal-audit findings whose corrective action is not yet closed as effective, by severity."),
            Map.entry(TIME_TO_CLOSE, "Mean time from raising an action to the effectiveness check that closed it, over the actions closed "
                    + "in the last 365 days."),
            Map.entry(EFFECTIVENESS_FAILURES, "Effectiveness checks that found an action not effective and reopened it, over the actions "
                    + "raised in the last 365 days."),
            Map.entry(AUDITS_ON_SCHEDULE, "Share of the internal audits whose planned last day of fieldwork fell in the last 365 "
                    + "days that issued their final report by the end of that day; the actions of their findings are counted apart."),
            Map.entry(RISKS_ABOVE_THRESHOLD, "Risks of the register rated above the acceptance threshold of seeds/risk/criteria.yaml (residual "
                    + "rating once treated, else inherent) and not accepted by their owner; accepted ones are shown beside. Closed risks "
                    + "and those of retired assets are left out."),
            Map.entry(RISK_ACTIONS_OVERDUE, "Actions of risk treatment plans (corrective-action source RISK_TREATMENT) open past their due date."),
            Map.entry(ASSETS_UNASSESSED, "Assets in use whose last risk assessment (or, never assessed, their addition) is older than "
                    + "3 months for high-priority assets holding patient data, 12 months for the others."));

    private final DeadlineRepository deadlines;
    private final IncidentResponseTimeRepository responseTimes;
    private final AccessReviewCompletionRepository reviewCompletion;
    private final ImprovementFigures improvement;
    private final RiskFigures riskFigures;
    private final WebappLinks links;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration summaryMaxAge;
    /** The aggregates scan a year of history: a burst of dashboard requests shares one computation. */
    private volatile Summary cached;

    SlaDashboard(DeadlineRepository deadlines, IncidentResponseTimeRepository responseTimes,
            AccessReviewCompletionRepository reviewCompletion, ImprovementFigures improvement, RiskFigures riskFigures, WebappLinks links, Clock clock,
            CompanySettings company, SlaSettings settings) {
        this.riskFigures = riskFigures;
        this.deadlines = deadlines;
        this.responseTimes = responseTimes;
        this.reviewCompletion = reviewCompletion;
        this.improvement = improvement;
        this.links = links;
        this.clock = clock;
        this.zone = company.zone();
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
        Map<String, Long> byUrgency = new TreeMap<>(Map.of("OPEN", 0L, "AT_RISK", 0L, "OVERDUE", 0L));
        for (Object[] row : deadlines.countOpenDeadlinesByProcessAndStatus()) {
            byUrgency.merge(((DeadlineStatus) row[1]).name(), ((Number) row[2]).longValue(), Long::sum);
        }
        // Quarters in the company's zone, counted from their bounds here: the database's year() and quarter() would
        // read its own zone, and put an evening's completion of 31 March in the second quarter.
        ZonedDateTime current = startOfQuarter(now.atZone(zone));
        List<String> quarters = new ArrayList<>();
        Map<String, QuarterRate[]> found = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            ZonedDateTime from = current.minusMonths(3L * (3 - i));
            String quarter = from.getYear() + "-Q" + from.get(IsoFields.QUARTER_OF_YEAR);
            quarters.add(quarter);
            for (Object[] row : deadlines.onTimeByProcess(from.toInstant(), from.plusMonths(3).toInstant())) {
                long onTime = ((Number) row[1]).longValue();
                long total = ((Number) row[2]).longValue();
                found.computeIfAbsent((String) row[0], key -> new QuarterRate[4])[i] =
                        new QuarterRate(quarter, onTime, total, total == 0 ? null : (double) onTime / total);
            }
        }
        Map<String, List<QuarterRate>> rates = new TreeMap<>();
        found.forEach((process, byQuarter) -> {
            List<QuarterRate> list = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                list.add(byQuarter[i] != null ? byQuarter[i] : new QuarterRate(quarters.get(i), 0, 0, null));
            }
            rates.put(process, list);
        });
        Instant year = now.minus(Duration.ofDays(365));
        Object[] review = reviewCompletion.itemsAndDecidedSince(year).get(0);
        long reviewItems = ((Number) review[0]).longValue();
        return new Summary(byUrgency, List.copyOf(quarters), rates,
                responseTime(responseTimes.containedSince(year)),
                responseTime(responseTimes.individualsNotifiedSince(year)),
                reviewItems == 0 ? null : ((Number) review[1]).doubleValue() / reviewItems,
                improvement.figures(now, Duration.ofDays(365)), improvement.auditSchedule(now, Duration.ofDays(365)), riskFigures.at(now), DEFINITIONS, now, DUE.format(now.atZone(zone)));
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

    /** Overdue deadlines, most overdue first, with the links {@code viewer} may follow (none for null). */
    @Transactional(readOnly = true)
    List<DeadlineRow> overdue(String viewer) {
        return rows(deadlines.findByStatusInOrderByDueAt(EnumSet.of(DeadlineStatus.OVERDUE), PageRequest.of(0, LIST_LIMIT)), viewer);
    }

    /** Open deadlines falling due within the next {@code days} days, soonest first, with the links {@code viewer} may follow. */
    @Transactional(readOnly = true)
    List<DeadlineRow> atRisk(int days, String viewer) {
        return rows(deadlines.findByStatusInAndDueAtBeforeOrderByDueAt(EnumSet.of(DeadlineStatus.OPEN, DeadlineStatus.AT_RISK),
                clock.instant().plus(Duration.ofDays(days)), PageRequest.of(0, LIST_LIMIT)), viewer);
    }

    /**
     * One row per deadline as people know it. A notification obligation runs as a process whose tasks carry its
     * deadline too: the obligation's row shows the step its task is at, and that task gets no row of its own.
     */
    private List<DeadlineRow> rows(List<DeadlineEntry> entries, String viewer) {
        Set<String> obligationInstances = instancesOf(entries, DeadlineSpec.OBLIGATION);
        Map<String, DeadlineEntry> stepOf = new HashMap<>();
        if (!obligationInstances.isEmpty()) {
            for (DeadlineEntry task : deadlines.findOpenInInstances(obligationInstances, DeadlineSpec.USER_TASK)) {
                // Two open tasks at once (a follow-up beside the notice's step): the one due first is what is pressing.
                stepOf.merge(task.processInstanceId(), task, (a, b) -> a.dueAt().isAfter(b.dueAt()) ? b : a);
            }
        }
        Set<String> taskInstances = instancesOf(entries, DeadlineSpec.USER_TASK);
        Set<String> carriedByObligation = taskInstances.isEmpty() ? Set.of()
                : deadlines.findOpenInInstances(taskInstances, DeadlineSpec.OBLIGATION).stream()
                        .map(DeadlineEntry::processInstanceId).collect(Collectors.toSet());
        List<DeadlineEntry> shown = entries.stream().filter(entry -> !(DeadlineSpec.USER_TASK.equals(entry.sourceType())
                && carriedByObligation.contains(entry.processInstanceId()))).toList();

        Set<String> taskIds = new HashSet<>();
        Set<String> instanceIds = new HashSet<>();
        for (DeadlineEntry entry : shown) {
            DeadlineEntry task = DeadlineSpec.OBLIGATION.equals(entry.sourceType()) ? stepOf.get(entry.processInstanceId()) : entry;
            if (task != null && task.taskId() != null) taskIds.add(task.taskId());
            if (entry.processInstanceId() != null) instanceIds.add(entry.processInstanceId());
        }
        WebappLinks.Access access = viewer == null ? WebappLinks.Access.NONE : links.of(viewer, taskIds, instanceIds);
        return shown.stream().map(entry -> row(entry,
                DeadlineSpec.OBLIGATION.equals(entry.sourceType()) ? stepOf.get(entry.processInstanceId()) : entry, access)).toList();
    }

    /** {@code task}: the registry entry of the task this deadline waits on, the entry itself for a task, or null. */
    private DeadlineRow row(DeadlineEntry entry, DeadlineEntry task, WebappLinks.Access access) {
        String taskId = task == null ? null : task.taskId();
        String ownerGroup = task != null ? task.ownerGroup() : entry.ownerGroup();
        String assignee = taskId == null ? null : access.assignees().get(taskId);
        String heldBy = assignee != null ? assignee
                : ownerGroup.startsWith("user:") ? ownerGroup.substring(5) : access.groupNames().getOrDefault(ownerGroup, ownerGroup);
        Instant stepDueAt = task == null || task == entry || task.dueAt().equals(entry.dueAt()) ? null : task.dueAt();
        return new DeadlineRow(entry.id(), entry.sourceType(), entry.processKey(), task != null ? task.step() : entry.step(),
                task != null ? stepName(task) : DeadlineSpec.OBLIGATION.equals(entry.sourceType()) ? "waiting, no open task" : entry.step(),
                entry.what(), ownerGroup, heldBy, entry.dueAt(), DUE.format(entry.dueAt().atZone(zone)), stepDueAt,
                stepDueAt == null ? null : DUE.format(stepDueAt.atZone(zone)), entry.warnAt(),
                entry.status().name(), taskId == null ? null : access.tasklist().get(taskId),
                entry.processInstanceId() == null ? null : access.cockpit().get(entry.processInstanceId()));
    }

    /**
     * A task's step in words: its name up to the colon where the name adds context ("Prepare the notice: ..."), else
     * its id in words ("Task_TriageIncident": "Triage incident").
     */
    static String stepName(DeadlineEntry task) {
        int colon = task.what().indexOf(": ");
        if (colon > 0) {
            return task.what().substring(0, colon);
        }
        String id = task.step().startsWith("Task_") ? task.step().substring(5) : task.step();
        String words = id.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? task.what() : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Set<String> instancesOf(List<DeadlineEntry> entries, String sourceType) {
        return entries.stream().filter(entry -> sourceType.equals(entry.sourceType()) && entry.processInstanceId() != null)
                .map(DeadlineEntry::processInstanceId).collect(Collectors.toSet());
    }

    private static ZonedDateTime startOfQuarter(ZonedDateTime at) {
        int firstMonth = (at.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1;
        return LocalDate.of(at.getYear(), firstMonth, 1).atStartOfDay(at.getZone());
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
    }
}
