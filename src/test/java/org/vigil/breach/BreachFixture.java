package org.vigil.breach;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.vigil.breach.BreachResponseProcess.Task_AssessRisk;
import static org.vigil.breach.BreachResponseProcess.Task_PlanNotifications;
import static org.vigil.breach.BreachResponseProcess.Task_PlanProvisionally;
import static org.vigil.breach.BreachResponseVariables.ESTIMATED_AFFECTED;
import static org.vigil.breach.BreachResponseVariables.HIPAA_EXCEPTION;
import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.PATIENT_DATA_INVOLVED;
import static org.vigil.breach.BreachResponseVariables.RISK_CONCLUSION;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What the process tests of breach-response.bpmn and notification-obligation.bpmn share: an incident reported on the
 * test clock's Monday ({@link org.vigil.TestClock#MONDAY_MORNING}), driven to its risk assessment or its plan, and the
 * look-ups of its obligations, their processes and their jobs. camunda-bpm-assert must be initialised first.
 */
final class BreachFixture {

    /** Discovered at 08:00 on Monday 2 March 2026, an hour before the test clock's start. */
    static final String DISCOVERED_AT = "2026-03-02T08:00:00-05:00";
    /** Containment ended half an hour after the discovery: after it, and not in the future. */
    static final String CONTAINED_AT = "2026-03-02T08:30:00-05:00";

    private final Incidents incidents;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ObligationRepository obligations;

    BreachFixture(Incidents incidents, RuntimeService runtime, ManagementService management, ObligationRepository obligations) {
        this.incidents = incidents;
        this.runtime = runtime;
        this.management = management;
        this.obligations = obligations;
    }

    /** A report of ten Texans' data, and the provisional plan the job executor makes from it at once. */
    ProcessInstance reported(String title) {
        var reported = incidents.report(new IncidentReport(null, title, "details", null, OffsetDateTime.parse(DISCOVERED_AT),
                "sysadmin", List.of("EHR"), List.of("name"), Map.of("US-TX", 10)), "staff");
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BreachResponseProcess.businessKey(reported.incidentId())).singleResult();
        execute(jobAt(instance, Task_PlanProvisionally));
        return instance;
    }

    ProcessInstance atRiskAssessment(String counts) {
        return atRiskAssessment(counts, Map.of());
    }

    /** Reported, triaged as touching patient data, contained and investigated with these counts and facts. */
    ProcessInstance atRiskAssessment(String counts, Map<String, Object> facts) {
        var instance = reported("Breach " + counts);
        complete(task(instance), triage(Map.of(PATIENT_DATA_INVOLVED.name(), true, ESTIMATED_AFFECTED.name(), 10)));
        complete(task(instance), Map.of(ContainmentTaskListener.CONTAINED_AT, CONTAINED_AT));
        var investigation = investigation(counts);
        investigation.putAll(facts);
        complete(task(instance), investigation);
        assertThat(instance).isWaitingAt(Task_AssessRisk);
        return instance;
    }

    ProcessInstance planned(String counts) {
        return planned(counts, Map.of());
    }

    /** A breach (no exception, a risk that is not low) whose notifications are planned: one process per obligation. */
    ProcessInstance planned(String counts, Map<String, Object> facts) {
        var instance = atRiskAssessment(counts, facts);
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(jobAt(instance, Task_PlanNotifications));
        return instance;
    }

    static Map<String, Object> triage(Map<String, Object> answers) {
        var variables = new HashMap<String, Object>(Map.of(PATIENT_DATA_INVOLVED.name(), false, "patientCareAffected", false,
                "medicalDeviceInvolved", false, "insiderSuspected", false));
        variables.putAll(answers);
        return variables;
    }

    static HashMap<String, Object> investigation(String counts) {
        return new HashMap<>(Map.of("affectedCounts", counts, "dataName", true, "dataDiagnosis", true, "role", "covered_entity",
                "lawEnforcementForm", "none"));
    }

    static Map<String, Object> riskAssessment(String exception, String conclusion) {
        var variables = new HashMap<String, Object>(Map.of(HIPAA_EXCEPTION.name(), exception, RISK_CONCLUSION.name(), conclusion));
        for (String factor : RiskAssessmentTaskListener.FACTORS) {
            variables.put(factor, "medium");
            variables.put("phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale", "Rationale for " + factor);
        }
        return variables;
    }

    long incidentOf(ProcessInstance instance) {
        return INCIDENT_ID.from(runtime.getVariables(instance.getId()));
    }

    /** The obligations of the current plan by recipient and jurisdiction, e.g. {@code individuals/US}. */
    Map<String, Obligation> dutiesOf(ProcessInstance instance) {
        var duties = new HashMap<String, Obligation>();
        obligations.findByIncidentIdOrderByTargetDeadline(incidentOf(instance)).stream().filter(Obligation::isInPlan)
                .forEach(obligation -> duties.put(obligation.recipient() + "/" + obligation.jurisdiction(), obligation));
        return duties;
    }

    Obligation reread(Obligation obligation) {
        return obligations.findById(obligation.id()).orElseThrow();
    }

    ProcessInstance obligationProcess(Obligation obligation) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(NotificationObligationProcess.businessKey(obligation.id())).singleResult();
    }

    Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
    }

    Job jobAt(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    /** The activities whose timers are due at the clock's now, as the job executor would pick them. */
    List<String> dueTimers(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list().stream()
                .map(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())
                .toList();
    }

    static String body(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
