package org.vigil.audit;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vigil.breach.events.ExerciseGap;
import org.vigil.breach.events.ExerciseReported;

/**
 * A breach-response exercise run for an audit reported: each gap becomes a minor nonconformity of that audit in the
 * incident-response area, its evidence the exercise's report. After commit, retried from the registry; keyed by gap.
 */
@Component
class ExerciseGapsListener {

    private final Audits audits;

    ExerciseGapsListener(Audits audits) {
        this.audits = audits;
    }

    @ApplicationModuleListener
    void on(ExerciseReported event) {
        if (event.auditId() == null || event.gaps() == null || event.gaps().isEmpty()) {
            return;
        }
        List<String> gaps = event.gaps().stream().map(ExerciseGapsListener::describe).toList();
        audits.exerciseGaps(event.auditId(), event.incidentId(), event.scenario(), gaps);
    }

    static String describe(ExerciseGap gap) {
        return "step " + gap.step() + (gap.actual() == null ? " was never reached" : " took " + words(gap.actual()))
                + (gap.target() == null ? ", which had no deadline" : " against a target of " + words(gap.target()));
    }

    /** "30 d 9 h 58 min", as the exercise's own report writes a duration; seconds left out. */
    static String words(java.time.Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        return (days > 0 ? days + " d " : "") + (days > 0 || hours > 0 ? hours + " h " : "") + minutes % 60 + " min";
    }
}
