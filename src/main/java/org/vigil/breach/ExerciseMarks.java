package org.vigil.breach;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.notification.MailRequest;
import org.vigil.platform.PeopleDirectory;

/**
 * What marks an exercise everywhere it shows, the one place that says so: whether an incident is an exercise, and the
 * rule for its mail. Mail about an exercise (a CISO alert, a reminder, an escalation, a missed deadline) goes only to
 * those of its intended recipients who take part in the exercise (the facilitator and the participants named when it
 * started), never to a group as such, with {@code exercise} in its model so that the subject says "[EXERCISE]". With no
 * participant among them it is not sent at all. Nothing else about an exercise leaves Vigil: no letters are made
 * ({@link NoticeDocuments#startLetters}), and a recorded dispatch is a record, never a sending.
 */
@Component
class ExerciseMarks {

    static final String MAIL_FLAG = "exercise";

    private final IncidentRepository incidents;
    private final BreachExerciseRepository exercises;
    private final PeopleDirectory people;

    ExerciseMarks(IncidentRepository incidents, BreachExerciseRepository exercises, PeopleDirectory people) {
        this.incidents = incidents;
        this.exercises = exercises;
        this.people = people;
    }

    @Transactional(readOnly = true)
    boolean isExercise(long incidentId) {
        return incidents.findById(incidentId).map(Incident::exercise).orElse(false);
    }

    /** The mail as it goes out for this incident: unchanged for a real one, to the participants only for an exercise. */
    @Transactional(readOnly = true)
    MailRequest mail(long incidentId, MailRequest request) {
        if (!isExercise(incidentId)) {
            return request;
        }
        List<String> participants = exercises.findById(incidentId).map(BreachExercise::participants).orElse(List.of());
        Set<String> intended = new LinkedHashSet<>(request.toUsers());
        request.toGroups().forEach(group -> intended.addAll(people.membersOf(group)));
        var model = new HashMap<String, String>(request.model());
        model.put(MAIL_FLAG, "true");
        return new MailRequest(request.eventKey(), request.template(), participants.stream().filter(intended::contains).toList(),
                List.of(), model);
    }
}
