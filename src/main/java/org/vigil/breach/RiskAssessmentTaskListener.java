package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.HIPAA_EXCEPTION;
import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.RISK_CONCLUSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/**
 * Completion of Task_AssessRisk: each of the four factors of 45 CFR 164.402(2) with its rationale, and any
 * 164.402(1) exception, are kept with the incident (encrypted: a rationale may cite patient data). The process
 * keeps only the conclusion and the exception.
 */
@Component
class RiskAssessmentTaskListener implements TaskListener {

    static final Set<String> CONCLUSIONS = Set.of("low_probability_of_compromise", "not_low_probability");
    static final Set<String> EXCEPTIONS = Set.of("none", "164.402(1)(i)", "164.402(1)(ii)", "164.402(1)(iii)");
    static final String[] FACTORS = {"factorNature", "factorRecipient", "factorAcquired", "factorMitigation"};

    private final Incidents incidents;
    private final ObjectMapper json;
    private final ExerciseSteps exercise;

    RiskAssessmentTaskListener(Incidents incidents, ObjectMapper json, ExerciseSteps exercise) {
        this.exercise = exercise;
        this.incidents = incidents;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        // An assessment done again after its "not a breach" was rejected: the next approval starts as its form does, ticked.
        task.getExecution().removeVariable(BreachResponseVariables.NOT_A_BREACH_APPROVED.name());
        String conclusion = oneOf(task, "riskConclusion", CONCLUSIONS);
        String exception = FormText.text(task::getVariable, HIPAA_EXCEPTION.name()) == null ? "none" : oneOf(task, HIPAA_EXCEPTION.name(), EXCEPTIONS);
        Map<String, Object> assessment = new LinkedHashMap<>();
        for (String factor : FACTORS) {
            String rationaleField = "phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale";
            String rationale = FormText.text(task::getVariable, rationaleField);
            if (rationale == null) {
                throw new BadUserRequestException("Field " + rationaleField + " is required: each factor needs its rationale");
            }
            assessment.put(factor, Map.of("level", oneOf(task, factor, Set.of("low", "medium", "high")), "rationale", rationale));
        }
        assessment.put("hipaaException", exception);
        assessment.put("conclusion", conclusion);
        assessment.put("assessedBy", Actors.of(task));
        try {
            incidents.recordRiskAssessment(INCIDENT_ID.from(task),
                    json.writeValueAsString(assessment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The plan follows the assessment at once: an exercise measures it against the assessment's deadline.
        exercise.due(INCIDENT_ID.from(task), BreachExercise.Step.PLAN, task.getDueDate());
        HIPAA_EXCEPTION.set(task, exception);
        RISK_CONCLUSION.set(task, conclusion);
        IncidentIntakeListener.removeTransientFields(task.getExecution());
    }

    private static String oneOf(DelegateTask task, String field, Set<String> allowed) {
        String value = FormText.text(task::getVariable, field);
        if (value == null || !allowed.contains(value)) {
            throw new BadUserRequestException("Field " + field + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }
}
