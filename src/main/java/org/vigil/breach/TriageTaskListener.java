package org.vigil.breach;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_TriageIncident: its answers go straight into the decision table of Task_ClassifyIncident,
 * whose typed inputs fail on a wrong type with an engine error (500). Checked here first, a wrong answer refuses
 * the completion with 400 naming the field by its label in forms/triage-incident.form; a right one is stored with
 * the type the table reads (a "true" typed as text becomes a boolean).
 */
@Component
class TriageTaskListener implements TaskListener {

    private final ExerciseSteps exercise;

    TriageTaskListener(ExerciseSteps exercise) {
        this.exercise = exercise;
    }

    /** The form's checkboxes, by key, with their labels. */
    static final Map<String, String> FLAGS = flags();
    static final String ESTIMATED_AFFECTED = BreachResponseVariables.ESTIMATED_AFFECTED.name();
    static final String ESTIMATED_AFFECTED_LABEL = "People affected (first estimate)";

    private static Map<String, String> flags() {
        var flags = new LinkedHashMap<String, String>();
        flags.put(BreachResponseVariables.PATIENT_DATA_INVOLVED.name(), "Patient data (PHI) may be involved");
        flags.put("patientCareAffected", "An outage affects patient care");
        flags.put("medicalDeviceInvolved", "A medical device that may affect patient safety is compromised");
        flags.put("insiderSuspected", "An insider is suspected");
        return Map.copyOf(flags);
    }

    @Override
    public void notify(DelegateTask task) {
        FLAGS.forEach((key, label) -> {
            Object value = task.getVariable(key);
            if (value != null) {
                task.setVariable(key, flag(value, key, label));
            }
        });
        BreachResponseVariables.ESTIMATED_AFFECTED.set(task, count(task.getVariable(ESTIMATED_AFFECTED)));
        exercise.reached(BreachResponseVariables.INCIDENT_ID.from(task), BreachExercise.Step.TRIAGE, task.getDueDate());
    }

    private static boolean flag(Object value, String key, String label) {
        if (value instanceof Boolean answer) {
            return answer;
        }
        if (value instanceof String text && Map.of("true", true, "false", false).containsKey(text.strip().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(text.strip());
        }
        throw new BadUserRequestException("Field '" + label + "' (" + key + ") must be true or false");
    }

    private static int count(Object value) {
        String refusal = "Field '" + ESTIMATED_AFFECTED_LABEL + "' (" + ESTIMATED_AFFECTED + ") must be a whole number from 0 to "
                + Integer.MAX_VALUE;
        if (value == null || (value instanceof String blank && blank.isBlank())) {
            throw new BadUserRequestException("Field '" + ESTIMATED_AFFECTED_LABEL + "' (" + ESTIMATED_AFFECTED + ") is required");
        }
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof String text) {
            try {
                number = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new BadUserRequestException(refusal);
            }
        } else {
            throw new BadUserRequestException(refusal);
        }
        if (number < 0 || number > Integer.MAX_VALUE || number != Math.rint(number)) {
            throw new BadUserRequestException(refusal);
        }
        return (int) number;
    }
}
