package org.vigil.breach;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.breach.BreachExercise.Step;

/**
 * The moments an exercise's report is made of, recorded as the real steps happen (the task listeners and delegates of
 * the breach response call it for every incident; for a real one it does nothing): when the triage, the containment,
 * the plan and the first notice ready for release were reached, and the deadline each had. The deadlines are those
 * the SLA policy put on the tasks (seeds/sla/policies.yaml): the triage's and the containment's own, for the plan the
 * risk assessment's, which the plan follows at once; for the first notice the earliest deadline of the obligations.
 */
@Component
class ExerciseSteps {

    private final BreachExerciseRepository exercises;
    private final ObligationRepository obligations;
    private final Clock clock;

    ExerciseSteps(BreachExerciseRepository exercises, ObligationRepository obligations, Clock clock) {
        this.exercises = exercises;
        this.obligations = obligations;
        this.clock = clock;
    }

    /** The step is done now; {@code due} the deadline of its task (null: none known). */
    @Transactional
    void reached(long incidentId, Step step, Date due) {
        exercises.findById(incidentId).ifPresent(exercise -> {
            exercise.due(step, due == null ? null : due.toInstant());
            exercise.reached(step, clock.instant());
        });
    }

    /** The step has its deadline now (the plan's, when the assessment is done). */
    @Transactional
    void due(long incidentId, Step step, Date due) {
        exercises.findById(incidentId).ifPresent(exercise -> exercise.due(step, due == null ? null : due.toInstant()));
    }

    /** A notice of the incident was approved for release: the first one makes the step "first notice ready". */
    @Transactional
    void noticeApproved(long incidentId) {
        exercises.findById(incidentId).ifPresent(exercise -> {
            exercise.due(Step.FIRST_NOTICE, firstDeadline(incidentId).orElse(null));
            exercise.reached(Step.FIRST_NOTICE, clock.instant());
        });
    }

    /** The earliest deadline among the incident's obligations still owed or sent (withdrawn ones left out). */
    Optional<Instant> firstDeadline(long incidentId) {
        return obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(obligation -> obligation.status() != ObligationStatus.WITHDRAWN)
                .map(Obligation::targetDeadline).min(Comparator.naturalOrder());
    }
}
