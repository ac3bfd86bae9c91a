package org.vigil.breach;

import org.springframework.stereotype.Component;

/**
 * The mark of an exercise on a Tasklist card: the models begin every task name of the breach response and of its
 * notices with {@code ${exerciseCards.prefix(incidentId)}}, "EXERCISE: " for an exercise and nothing for a real
 * incident.
 */
// Public: the models call it through JUEL, which invokes only methods of public classes.
@Component("exerciseCards")
public class ExerciseCards {

    public static final String PREFIX = "EXERCISE: ";

    private final ExerciseMarks marks;

    ExerciseCards(ExerciseMarks marks) {
        this.marks = marks;
    }

    public String prefix(Object incidentId) {
        return incidentId instanceof Number id && marks.isExercise(id.longValue()) ? PREFIX : "";
    }
}
