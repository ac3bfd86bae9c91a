package org.vigil.breach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.breach.BreachExercise.Step;
import org.vigil.breach.events.ExerciseGap;
import org.vigil.breach.events.ExerciseReported;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.correctiveaction.RaiseAction;
import org.vigil.platform.PeopleDirectory;

/**
 * Breach-response exercises (A.5.24, A.5.26; HIPAA 164.308(a)(6), (a)(7)(ii)(D)): the real breach response run on a
 * scenario of seeds/breach/exercises/, its incident marked as an exercise (cards, pages, documents and mail say so;
 * {@link ExerciseMarks}), nothing sent out and nothing counted in the real figures; and its report: the time a real
 * incident would have taken to each measured step against the deadline the SLA policy gave it, and the gaps.
 */
@Service
class Exercises {

    /** How the report names the steps. */
    static final java.util.Map<Step, String> STEP_NAMES = java.util.Map.of(Step.TRIAGE, "Triage done", Step.CONTAINMENT, "Containment done",
            Step.PLAN, "Notification plan computed", Step.FIRST_NOTICE, "First notice ready (approved for release)");

    record Started(long incidentId, String scenario) {}

    /**
     * One measured step: its deadline and when it was reached, each also as the time from the start. {@code gap} when
     * reached late, or not reached in an exercise ended before its response got there (or, while it runs, past its
     * deadline). A response that ran to its closure without a step (no patient data: no plan, no notice; a plan with no
     * notice: no first notice) did not need it: {@code required} false.
     */
    record StepTime(String step, String name, Instant dueAt, Duration target, Instant reachedAt, Duration actual, boolean required, boolean gap) {}

    record Report(long incidentId, String scenario, String title, Long auditId, String startedBy, List<String> participants,
            Instant startedAt, Instant reportedAt, String reportedBy, String status, List<StepTime> steps, List<ExerciseGap> gaps) {}

    private final ExerciseScenarios scenarios;
    private final Incidents incidents;
    private final BreachExerciseRepository exercises;
    private final ObligationRepository obligations;
    private final ExerciseSteps steps;
    private final BreachResponseProcess process;
    private final PeopleDirectory people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectMapper json;
    private final CorrectiveActions correctiveActions;

    Exercises(ExerciseScenarios scenarios, Incidents incidents, BreachExerciseRepository exercises, ObligationRepository obligations,
            ExerciseSteps steps, BreachResponseProcess process, PeopleDirectory people, ApplicationEventPublisher events, Clock clock,
            ObjectMapper json, CorrectiveActions correctiveActions) {
        this.correctiveActions = correctiveActions;
        this.scenarios = scenarios;
        this.incidents = incidents;
        this.exercises = exercises;
        this.obligations = obligations;
        this.steps = steps;
        this.process = process;
        this.people = people;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    Optional<ExerciseScenario> scenario(String id) {
        return scenarios.scenario(id);
    }

    java.util.Collection<ExerciseScenario> scenarios() {
        return scenarios.all();
    }

    /**
     * Starts an exercise: the scenario's incident reported through the same intake as a real one (its moments counted
     * back from now), marked, and its breach response started. {@code participants} (user ids) and the facilitator
     * are the only people its mail reaches.
     */
    @Transactional
    Started start(String scenarioId, Long auditId, List<String> participants, String startedBy) {
        var scenario = scenarios.scenario(scenarioId).orElseThrow(() -> new InvalidFactException("scenario", "Field scenario: no scenario "
                + scenarioId + "; choose one of " + String.join(", ", scenarios.all().stream().map(ExerciseScenario::id).toList())));
        var everyone = new LinkedHashSet<String>();
        everyone.add(startedBy);
        for (String participant : participants == null ? List.<String>of() : participants) {
            // The directory as Vigil sees it: the caller's own rights in the engine may not cover reading other users.
            if (participant == null || participant.isBlank() || process.asVigil(() -> people.emailOf(participant.strip())).isEmpty()) {
                throw new InvalidFactException("participants", "Field participants: no user " + participant
                        + " with an e-mail address (give the user ids of the people taking part)");
            }
            everyone.add(participant.strip());
        }
        Instant now = clock.instant();
        var reported = incidents.reportExercise(scenario.reportAt(now), startedBy);
        exercises.save(new BreachExercise(reported.incidentId(), scenario.id(), auditId, startedBy, List.copyOf(everyone), now));
        return new Started(reported.incidentId(), scenario.id());
    }

    @Transactional(readOnly = true)
    Optional<Report> report(long incidentId) {
        return exercises.findById(incidentId).map(this::reportOf);
    }

    /**
     * Ends the exercise with its report: at the incident's closure, or earlier on request ({@code POST
     * /api/exercises/{id}/report}), when its response and its notices' processes end. Announced as
     * {@link ExerciseReported} (the audit it was run for turns its gaps into findings). Ending it again changes nothing.
     */
    @Transactional
    Optional<Report> finish(long incidentId, String by, boolean early) {
        var found = exercises.findById(incidentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var exercise = found.get();
        if (exercise.isReported()) {
            return Optional.of(reportOf(exercise));
        }
        Instant now = clock.instant();
        exercise.reported(now, by, early, "[]");
        var report = reportOf(exercise);
        exercise.reported(now, by, early, gapsJson(report.gaps()));
        if (early) {
            var notices = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream().map(Obligation::processInstanceId).toList();
            process.asVigil(() -> {
                process.endExercise(incidentId, notices, "exercise ended by " + by);
                return null;
            });
            incidents.close(incidentId, clock.getZone());
        }
        events.publishEvent(new ExerciseReported(incidentId, exercise.auditId(), exercise.scenario(), exercise.startedAt(), now,
                report.gaps()));
        if (exercise.auditId() == null) {
            raiseActions(exercise, report.gaps(), by);
        }
        return Optional.of(reportOf(exercise));
    }

    /**
     * Without an audit to take them as findings, each gap becomes a corrective action of the privacy office (minor, source
     * {@code exercise:<incident>:gap:<n>}); a real one, not an exercise's: the gap is in the real capability. Raised
     * once per gap however often this runs (the corrective-action register is idempotent on the source).
     */
    private void raiseActions(BreachExercise exercise, List<ExerciseGap> gaps, String by) {
        for (int n = 1; n <= gaps.size(); n++) {
            var gap = gaps.get(n - 1);
            String description = "Breach-response exercise on scenario " + exercise.scenario() + " (incident " + exercise.incidentId()
                    + "): step " + gap.step() + (gap.actual() == null ? " was never reached" : " took " + ExerciseReportRenderer.duration(gap.actual()))
                    + (gap.target() == null ? "" : " against a target of " + ExerciseReportRenderer.duration(gap.target()))
                    + " from the start. Find why and correct the response; report: /api/exercises/" + exercise.incidentId() + "/report";
            var request = new RaiseAction(new ActionSource(ActionSource.EXERCISE_GAP, "exercise:" + exercise.incidentId() + ":gap:" + n),
                    "minor", "privacy-office", description, by, null, false);
            process.asVigil(() -> correctiveActions.raise(request));
        }
    }

    private Report reportOf(BreachExercise exercise) {
        long incidentId = exercise.incidentId();
        var incident = incidents.require(incidentId);
        Instant start = exercise.startedAt();
        var times = new ArrayList<StepTime>();
        var gaps = new ArrayList<ExerciseGap>();
        for (Step step : Step.values()) {
            Instant due = exercise.dueAt(step);
            if (due == null) {
                due = switch (step) {
                    case TRIAGE -> process.openTaskDue(incidentId, BreachResponseProcess.Task_TriageIncident).orElse(null);
                    case CONTAINMENT -> process.openTaskDue(incidentId, BreachResponseProcess.Task_ContainIncident).orElse(null);
                    case PLAN -> process.openTaskDue(incidentId, BreachResponseProcess.Task_AssessRisk).orElse(null);
                    case FIRST_NOTICE -> steps.firstDeadline(incidentId).orElse(null);
                };
            }
            Instant reached = exercise.reachedAt(step);
            boolean responseDone = exercise.isReported() && !exercise.endedEarly();
            // A plan that found no notice to send has no first notice to wait for; a response closed without a step did not need it.
            boolean required = (reached != null || !responseDone)
                    && (step != Step.FIRST_NOTICE || exercise.reachedAt(Step.PLAN) == null || steps.firstDeadline(incidentId).isPresent());
            Duration target = due == null ? null : Duration.between(start, due);
            Duration actual = reached == null ? null : Duration.between(start, reached);
            Instant now = exercise.isReported() ? exercise.reportedAt() : clock.instant();
            boolean gap = required && (reached != null ? due != null && reached.isAfter(due)
                    : exercise.isReported() || due != null && now.isAfter(due));
            times.add(new StepTime(step.code, STEP_NAMES.get(step), due, target, reached, actual, required, gap));
            if (gap) {
                gaps.add(new ExerciseGap(step.code, target, actual));
            }
        }
        return new Report(incidentId, exercise.scenario(), scenarios.scenario(exercise.scenario()).map(ExerciseScenario::title).orElse(exercise.scenario()),
                exercise.auditId(), exercise.startedBy(), exercise.participants(), start, exercise.reportedAt(), exercise.reportedBy(),
                incident.status().name(), List.copyOf(times), List.copyOf(gaps));
    }

    private String gapsJson(List<ExerciseGap> gaps) {
        try {
            return json.writeValueAsString(gaps.stream().map(gap -> java.util.Map.of("step", gap.step(),
                    "target", String.valueOf(gap.target()), "actual", String.valueOf(gap.actual()))).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
