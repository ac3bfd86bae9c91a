package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.REPORTED_BY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/**
 * Start event of breach-response.bpmn. A report from the Tasklist form arrives as form fields; the free text
 * ({@code phi*} fields) goes into the encrypted incident row and is removed before the first commit, so the
 * process keeps only the incident id. A report through the API has its incident already.
 */
@Component
class IncidentIntakeListener implements ExecutionListener {

    private final Incidents incidents;

    IncidentIntakeListener(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (INCIDENT_ID.isSetOn(execution)) {
            return;
        }
        var report = new IncidentReport(null,
                required(execution, "phiTitle"),
                text(execution, "phiDescription"),
                dateTime(execution, "occurredAt"),
                requiredDateTime(execution, "discoveredAt"),
                text(execution, "phiDiscoveredBy"),
                lines(text(execution, "phiSystemsInvolved")),
                FormText.dataElements(execution::getVariable),
                new java.util.TreeMap<String, Number>(counts(text(execution, "affectedEstimate"), "affectedEstimate")));
        // The submitter the engine authenticated, whatever a variable says.
        String reportedBy = Actors.of(execution);
        if (reportedBy == null) {
            reportedBy = "unknown";
        }
        REPORTED_BY.set(execution, reportedBy);
        long id;
        try {
            id = incidents.recordStartedFromForm(report, reportedBy, execution.getProcessInstanceId());
        } catch (InvalidFactException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        INCIDENT_ID.set(execution, id);
        execution.setProcessBusinessKey(BreachResponseProcess.businessKey(id));
        IncidentIntakeListener.removeTransientFields(execution);
    }

    /** Removes every {@code phi*} field; they never reach the database (see TransientFormFieldHistoryFilter). */
    static void removeTransientFields(org.camunda.bpm.engine.delegate.VariableScope scope) {
        scope.getVariableNames().stream()
                .filter(name -> name.startsWith("phi") && name.length() > 3 && Character.isUpperCase(name.charAt(3)))
                .toList()
                .forEach(scope::removeVariable);
    }

    private static String required(DelegateExecution execution, String name) {
        String value = text(execution, name);
        if (value == null || value.isBlank()) {
            throw new BadUserRequestException("Field " + name + " is required");
        }
        return value;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static OffsetDateTime requiredDateTime(DelegateExecution execution, String name) {
        OffsetDateTime value = dateTime(execution, name);
        if (value == null) {
            throw new BadUserRequestException("Field " + name + " is required");
        }
        return value;
    }

    static OffsetDateTime dateTime(DelegateExecution execution, String name) {
        try {
            return FormText.dateTime(execution.getVariable(name), name);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    static Map<String, Integer> counts(String text, String field) {
        try {
            return AffectedCounts.parse(text, field);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
