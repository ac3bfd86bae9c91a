package org.vigil.breach;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.vigil.EngineJobs;

/** Drives a reported breach through triage, containment, investigation and risk assessment to its planned obligations. */
public final class PlannedBreach {

    private PlannedBreach() {}

    public static void plan(long incidentId, String affectedCounts, RuntimeService runtime, TaskService tasks, ManagementService management) {
        String breach = runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                .singleResult().getId();
        // The provisional plan, which the job executor makes right after the report.
        EngineJobs.runAllOf(management, breach);
        complete(tasks, breach, triage(25));
        // Containment ends a minute ago: never in the future, and after the discovery of every incident a test reports.
        complete(tasks, breach, Map.of("containedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1).toString()));
        complete(tasks, breach, Map.of("affectedCounts", affectedCounts, "dataName", true, "dataDiagnosis", true,
                "role", "covered_entity", "lawEnforcementForm", "none"));
        complete(tasks, breach, riskAssessment());
        EngineJobs.runAllOf(management, breach);
    }

    /** The triage's answers: patient data involved, nothing else. */
    public static Map<String, Object> triage(int estimatedAffected) {
        return Map.of("patientDataInvolved", true, "patientCareAffected", false, "medicalDeviceInvolved", false,
                "insiderSuspected", false, "estimatedAffected", estimatedAffected);
    }

    /** The risk assessment's answers: no HIPAA exception, every factor medium with its rationale, not a low probability. */
    public static Map<String, Object> riskAssessment() {
        var risk = new HashMap<String, Object>(Map.of("hipaaException", "none", "riskConclusion", "not_low_probability"));
        for (String factor : RiskAssessmentTaskListener.FACTORS) {
            risk.put(factor, "medium");
            risk.put("phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale", "Rationale for " + factor);
        }
        return risk;
    }

    public static String obligationProcess(RuntimeService runtime, long obligationId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(NotificationObligationProcess.businessKey(obligationId)).singleResult().getId();
    }

    static void complete(TaskService tasks, String processInstanceId, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(), variables);
    }

    /** {@code count} people in Texas, the first {@code unreachable} of them with out-of-date contact details. */
    static String people(int count, int unreachable) {
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\n");
        for (int i = 1; i <= count; i++) {
            boolean reachable = i > unreachable;
            csv.append(reachable ? "Person " + (i - unreachable) : "Moved Away " + i).append(",\"").append(i).append(" Elm Street\nAustin, TX\",,US-TX,")
                    .append(reachable).append('\n');
        }
        return csv.toString();
    }
}
