package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.correctiveaction.RaiseAction;
import org.vigil.platform.Actors;
import org.vigil.platform.JsonListVariables;

/**
 * Task_ReviewPostIncident. On create the form's list of corrective actions starts empty (a JSON list on the task's
 * execution, which Tasklist's dynamic list sends back with the same type; it holds no text until the completion, which
 * removes it). On complete the lessons learned go, encrypted,
 * into the incident's record, and each row of the list becomes a corrective action of its owner group
 * ({@link CorrectiveActions#raise}, source {@code incident:<id>:action:<n>}, so a retried completion raises nothing
 * twice); the record keeps the actions' ids.
 */
@Component
class PostIncidentReviewTaskListener implements TaskListener {

    /** The form's dynamic list (forms/review-post-incident.form): rows of description, severity and owner group. */
    static final String CORRECTIVE_ACTIONS = "phiCorrectiveActions";

    private final Incidents incidents;
    private final CorrectiveActions correctiveActions;
    private final ObjectMapper json;

    PostIncidentReviewTaskListener(Incidents incidents, CorrectiveActions correctiveActions, ObjectMapper json) {
        this.incidents = incidents;
        this.correctiveActions = correctiveActions;
        this.json = json;
    }

    /** One row of the list, as the person filled it in. */
    record ActionRow(int number, String description, String severity, String ownerGroup) {}

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            JsonListVariables.setLocal(task.getExecution(), CORRECTIVE_ACTIONS, List.of());
            return;
        }
        requireOtherTasksDone(task);
        String lessons = FormText.text(task::getVariable, "phiLessonsLearned");
        if (lessons == null) {
            throw new BadUserRequestException("Field phiLessonsLearned is required");
        }
        List<ActionRow> rows = actionRows(task);
        long incidentId = INCIDENT_ID.from(task);
        List<Long> actionIds = new ArrayList<>();
        String reviewer = Actors.of(task);
        for (ActionRow row : rows) {
            try {
                actionIds.add(correctiveActions.raise(new RaiseAction(
                        new ActionSource(ActionSource.INCIDENT_REVIEW, "incident:" + incidentId + ":action:" + row.number()),
                        row.severity(), row.ownerGroup(), row.description(), reviewer, null, false)));
            } catch (IllegalArgumentException e) {
                throw new BadUserRequestException("'Corrective actions', row " + row.number() + ": " + e.getMessage());
            }
        }
        try {
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("lessonsLearned", lessons);
            review.put("correctiveActionIds", actionIds);
            incidents.recordReview(incidentId, json.writeValueAsString(review));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        IncidentIntakeListener.removeTransientFields(task.getExecution());
    }

    /**
     * The list's rows with anything filled in, numbered as the form shows them; a row that is half filled in is refused
     * naming the row and the field, never its text.
     */
    static List<ActionRow> actionRows(DelegateTask task) {
        List<Map<String, Object>> rows;
        try {
            rows = JsonListVariables.rows(task, CORRECTIVE_ACTIONS);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("'Corrective actions' must be a list of rows");
        }
        List<ActionRow> actions = new ArrayList<>();
        int number = 0;
        for (Map<String, Object> row : rows) {
            number++;
            String description = text(row.get("phiDescription"));
            String severity = text(row.get("actionSeverity"));
            String ownerGroup = text(row.get("actionOwnerGroup"));
            if (description == null && severity == null && ownerGroup == null) {
                continue;
            }
            String where = "'Corrective actions', row " + number + ": ";
            if (description == null) {
                throw new BadUserRequestException(where + "'Action needed' (phiDescription) is required");
            }
            if (severity == null) {
                throw new BadUserRequestException(where + "'Severity' (actionSeverity) is required");
            }
            if (ownerGroup == null) {
                throw new BadUserRequestException(where + "'Owner group' (actionOwnerGroup) is required");
            }
            actions.add(new ActionRow(number, description, severity, ownerGroup));
        }
        return actions;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /**
     * The review closes the incident, and a closed incident's tasks can no longer be completed: so its other open tasks
     * (a missed deadline's follow-up, a change of plan to confirm) are done first. They belong in the lessons learned.
     */
    private static void requireOtherTasksDone(DelegateTask task) {
        var open = task.getProcessEngineServices().getTaskService().createTaskQuery()
                .processVariableValueEquals(INCIDENT_ID.name(), INCIDENT_ID.from(task))
                .list().stream().filter(other -> !other.getId().equals(task.getId())).map(other -> "\"" + other.getName() + "\"")
                .distinct().toList();
        if (!open.isEmpty()) {
            throw new BadUserRequestException("Finish this incident's open tasks first: " + String.join(", ", open)
                    + ". The review closes the incident, and a closed incident's tasks can no longer be completed");
        }
    }
}
