package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.awaitility.Awaitility.await;
import static org.vigil.breach.BreachResponseProcess.EndEvent_IncidentClosed;
import static org.vigil.breach.BreachResponseProcess.Event_ObligationsSettled;
import static org.vigil.breach.BreachResponseProcess.Task_AlertCiso;
import static org.vigil.breach.BreachResponseProcess.Task_ApproveNotABreach;
import static org.vigil.breach.BreachResponseProcess.Task_AssessRisk;
import static org.vigil.breach.BreachResponseProcess.Task_ContainIncident;
import static org.vigil.breach.BreachResponseProcess.Task_DropProvisionalPlan;
import static org.vigil.breach.BreachResponseProcess.Task_PlanProvisionally;
import static org.vigil.breach.BreachResponseProcess.Task_ReviewPostIncident;
import static org.vigil.breach.BreachResponseProcess.Task_TriageIncident;
import static org.vigil.breach.NotificationObligationProcess.BoundaryEvent_DeadlinePassed;
import static org.vigil.breach.NotificationObligationProcess.BoundaryEvent_EscalationDue;
import static org.vigil.breach.NotificationObligationProcess.BoundaryEvent_ReminderDue;
import static org.vigil.breach.NotificationObligationProcess.Task_PlanAgainAfterSending;
import static org.vigil.breach.NotificationObligationProcess.Event_HoldLifted;
import static org.vigil.breach.NotificationObligationProcess.Task_EscalateToLeadAndCiso;
import static org.vigil.breach.NotificationObligationProcess.Task_FollowUpMissedNotice;
import static org.vigil.breach.NotificationObligationProcess.Task_MarkMissed;
import static org.vigil.breach.NotificationObligationProcess.Task_RecordDispatch;
import static org.vigil.breach.NotificationObligationProcess.Task_RemindGroup;
import static org.vigil.breach.BreachResponseVariables.CATEGORY;
import static org.vigil.breach.BreachResponseVariables.ESTIMATED_AFFECTED;
import static org.vigil.breach.BreachResponseVariables.HIPAA_EXCEPTION;
import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.NOTIFICATIONS_REQUIRED;
import static org.vigil.breach.BreachResponseVariables.NOT_A_BREACH_APPROVED;
import static org.vigil.breach.BreachResponseVariables.PATIENT_DATA_INVOLVED;
import static org.vigil.breach.BreachResponseVariables.RISK_CONCLUSION;
import static org.vigil.breach.BreachResponseVariables.SEVERITY;
import static org.vigil.breach.NotificationObligationVariables.NOTICE_APPROVED;
import static org.vigil.breach.NotificationObligationVariables.NOTICE_REFERENCE;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;

/** Process test for processes/breach-response.bpmn and processes/notification-obligation.bpmn. */
@VigilSpringTest
class BreachResponseProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Incidents incidents;
    @Autowired ObligationRepository obligations;
    @Autowired IncidentRepository incidentRows;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    // --- the paths ---------------------------------------------------------------------------------------------

    @Test
    void aPatientSafetyIncidentAlertsTheCisoAndMustBeContainedWithinHours() throws Exception {
        var instance = reported("Infusion pump firmware tampered");
        complete(task(instance), triage(Map.of("medicalDeviceInvolved", true, ESTIMATED_AFFECTED.name(), 0)));

        assertThat(instance).isWaitingAt(Task_AlertCiso).variables()
                .containsEntry(CATEGORY.name(), "patient_safety_device").containsEntry(SEVERITY.name(), "critical");
        execute(job(instance));

        assertThat(instance).isWaitingAt(Task_ContainIncident);
        assertThat(task(instance)).hasCandidateGroup("it-operations");
        assertThat(task(instance).getDueDate()).isBefore(java.util.Date.from(Instant.now().plus(Duration.ofHours(4)).plusSeconds(60)));
        long incidentId = incidentOf(instance);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !TestMailServer.withSubject("incident " + incidentId + " (critical)").isEmpty());
        assertThat(TestMailServer.withSubject("incident " + incidentId + " (critical)").get(0).getAllRecipients())
                .extracting(Object::toString).containsExactly("ciso@vigil.example");
    }

    @Test
    void anIncidentWithoutPatientDataGoesFromInvestigationStraightToTheReview() {
        var instance = reported("Phishing wave, no data lost");
        complete(task(instance), triage(Map.of("insiderSuspected", false, ESTIMATED_AFFECTED.name(), 0)));
        assertThat(instance).variables().containsEntry(CATEGORY.name(), "other_security_event").containsEntry(SEVERITY.name(), "low");
        complete(task(instance), Map.of("containedAt", containedNow()));
        complete(task(instance), investigation("US-NY: 0"));
        long incidentId = incidentOf(instance);
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(incidentId)).as("provisional duties from the report's ten Texans")
                .isNotEmpty().allMatch(Obligation::provisional);

        execute(jobAt(instance, Task_DropProvisionalPlan));
        assertThat(instance).isWaitingAt(Task_ReviewPostIncident);
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(incidentId)).allSatisfy(obligation -> {
            assertThat(obligation.status()).isEqualTo(ObligationStatus.WITHDRAWN);
            assertThat(obligation.withdrawalReason()).contains("no patient data involved");
        });
        complete(task(instance), Map.of("phiLessonsLearned", "Train staff on phishing", "phiCorrectiveActions", "it-operations | 2026-04-01 | MFA"));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed(EndEvent_IncidentClosed);
        var incident = incidentRows.findById(incidentId).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.retainUntil()).isEqualTo(incident.closedAt().atZone(java.time.ZoneId.of("America/New_York")).toLocalDate().plusYears(6));
    }

    @Test
    void aHipaaExceptionIsNotABreachOnceThePrivacyOfficerApproves() {
        // Tennessee exempts HIPAA entities, so HIPAA alone decides here.
        var instance = atRiskAssessment("US-TN: 40");
        complete(task(instance), riskAssessment("164.402(1)(i)", "not_low_probability"));
        execute(job(instance));

        assertThat(instance).isWaitingAt(Task_ApproveNotABreach).variables().containsEntry(NOTIFICATIONS_REQUIRED.name(), false);
        complete(task(instance), Map.of(NOT_A_BREACH_APPROVED.name(), true));
        assertThat(instance).isWaitingAt(Task_ReviewPostIncident);
        // What the report's first facts made provisionally, the assessment dropped, each with its reason on the record.
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(incidentOf(instance))).allSatisfy(obligation -> {
            assertThat(obligation.status()).isEqualTo(ObligationStatus.WITHDRAWN);
            assertThat(obligation.withdrawalReason()).startsWith("the assessment's plan does not find this provisional duty");
        });
    }

    @Test
    void aRejectedNotABreachConclusionGoesBackToTheRiskAssessment() {
        var instance = atRiskAssessment("US-TN: 40");
        complete(task(instance), riskAssessment("none", "low_probability_of_compromise"));
        execute(job(instance));

        complete(task(instance), Map.of(NOT_A_BREACH_APPROVED.name(), false));
        assertThat(instance).isWaitingAt(Task_AssessRisk);
    }

    @Test
    void encryptedDataWithItsKeySafeIsNotABreachButWithTheKeyLostItIs() {
        var safe = atRiskAssessment("US-TN: 40", Map.of("encryptedNistSafeHarbor", true));
        complete(task(safe), riskAssessment("none", "not_low_probability"));
        execute(job(safe));
        assertThat(safe).isWaitingAt(Task_ApproveNotABreach);

        var keyLost = atRiskAssessment("US-TN: 40", Map.of("encryptedNistSafeHarbor", true, "encryptionKeyCompromised", true));
        complete(task(keyLost), riskAssessment("none", "not_low_probability"));
        execute(job(keyLost));
        assertThat(keyLost).isWaitingAt(Event_ObligationsSettled);
    }

    @Test
    void fewerThan500PeopleGiveIndividualNoticesAndAnAnnualHhsLogButNoMedia() {
        var instance = atRiskAssessment("US-TX: 300");
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(job(instance));

        assertThat(instance).isWaitingAt(Event_ObligationsSettled);
        var duties = dutiesOf(instance);
        assertThat(duties).containsKeys("individuals/US", "hhs/US", "state_ag:TX/US-TX");
        assertThat(duties).doesNotContainKey("media/US-TX");
        assertThat(duties.get("hhs/US").toView().deadlineRule()).isEqualTo("annual_log_by");
        // Our own patients, as covered entity: the customers' agreements do not apply (CounterpartyNoticesIT).
        assertThat(duties.keySet()).noneMatch(key -> key.startsWith("counterparty:"));
    }

    @Test
    void moreThan500InOneStateBringTheMediaAndHhsWithinSixtyDays() {
        var instance = atRiskAssessment("US-TX: 600");
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(job(instance));

        var duties = dutiesOf(instance);
        assertThat(duties).containsKeys("individuals/US", "hhs/US", "media/US-TX");
        assertThat(duties.get("hhs/US").toView().deadlineRule()).startsWith("contemporaneous_with");
    }

    @Test
    void aGdprBreachGetsASeventyTwoHourAuthorityNoticeWithHourTimers() {
        // Aware before the incident was logged as discovered: the 72 hours run from awareness (Art. 33(1)).
        var awareness = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
        var instance = atRiskAssessment("EU-DE: 20", Map.of("role", "none", "gdprApplies", true, "gdprRole", "controller",
                "gdprRiskLevel", "risk", "gdprMainEstablishment", "DE", "gdprAwarenessAt", awareness.toString()));
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(job(instance));

        var authority = dutiesOf(instance).get("supervisory_authority:DE/EU-DE");
        assertThat(authority).isNotNull();
        assertThat(authority.hourBased()).isTrue();
        assertThat(authority.targetDeadline()).isEqualTo(awareness.plusHours(72).toInstant());

        var obligationProcess = obligationProcess(authority);
        // Camunda keeps job due dates to the second on MariaDB.
        assertThat(timer(obligationProcess, BoundaryEvent_EscalationDue).getDuedate().toInstant())
                .isEqualTo(authority.targetDeadline().minus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aNoticeIsPreparedApprovedSentAndTheLastOneSendsTheIncidentToItsReview() {
        var instance = atRiskAssessment("US-TX: 40");
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(job(instance));

        for (Obligation obligation : dutiesOf(instance).values()) {
            var notice = obligationProcess(obligation);
            complete(task(notice), Map.of(NOTICE_REFERENCE.name(), "DOC-" + obligation.id()));
            complete(task(notice), Map.of(NOTICE_APPROVED.name(), true));
            assertThat(notice).isWaitingAt(Task_RecordDispatch);
            complete(task(notice), Map.of("sentAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString(),
                    "channel", "first_class_mail", "proof", "USPS-" + obligation.id()));
            assertThat(notice).isWaitingAt(Task_PlanAgainAfterSending);
            execute(job(Task_PlanAgainAfterSending, notice));
            execute(job(notice));
            assertThat(notice).isEnded();
        }

        assertThat(instance).isWaitingAt(Task_ReviewPostIncident);
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(incidentOf(instance)))
                .allMatch(obligation -> obligation.status() == ObligationStatus.SENT);
    }

    @Test
    void aNoticeUnderALawEnforcementHoldCannotBeReleasedBeforeTheHoldEnds() {
        var statement = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);
        var instance = atRiskAssessment("US-TX: 40", Map.of("lawEnforcementForm", "oral", "lawEnforcementStatementAt", statement.toString()));
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(job(instance));

        var individuals = dutiesOf(instance).get("individuals/US");
        assertThat(individuals.holdUntil()).isAfter(Instant.now());
        var notice = obligationProcess(individuals);
        complete(task(notice), Map.of(NOTICE_REFERENCE.name(), "DOC-1"));
        complete(task(notice), Map.of(NOTICE_APPROVED.name(), true));

        assertThat(notice).isWaitingAt(Event_HoldLifted);
        assertThat(timer(notice, Event_HoldLifted).getDuedate().toInstant()).isEqualTo(individuals.holdUntil().truncatedTo(ChronoUnit.SECONDS));
        execute(timer(notice, Event_HoldLifted));
        assertThatThrownBy(() -> complete(task(notice), Map.of("sentAt", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                "channel", "first_class_mail", "proof", "x")))
                .hasMessageContaining("law-enforcement hold");
    }

    @Test
    void aMissedDeadlineIsMarkedTheCisoAndManagersAreToldAndAFollowUpOpens() throws Exception {
        var instance = atRiskAssessment("US-TX: 40");
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(job(instance));
        var individuals = dutiesOf(instance).get("individuals/US");
        var notice = obligationProcess(individuals);

        var reminder = timer(notice, BoundaryEvent_ReminderDue);
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(individuals.reminderAt().truncatedTo(ChronoUnit.SECONDS));
        execute(reminder);
        execute(jobAt(notice, Task_RemindGroup));
        execute(timer(notice, BoundaryEvent_DeadlinePassed));
        execute(jobAt(notice, Task_MarkMissed));

        assertThat(obligations.findById(individuals.id()).orElseThrow().status()).isEqualTo(ObligationStatus.MISSED);
        assertThat(tasks.createTaskQuery().processInstanceId(notice.getId()).taskDefinitionKey(Task_FollowUpMissedNotice).count()).isEqualTo(1);
        String subject = "MISSED: notice to individuals (US)";
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.withSubject(subject).stream()
                .anyMatch(mail -> body(mail).contains("incident " + individuals.incidentId() + " ")));
    }

    @Test
    void theReminderAndThenTheEscalationArriveByEMailWhenTheEngineClockReachesThem() throws Exception {
        var instance = atRiskAssessment("US-TX: 40");
        complete(task(instance), riskAssessment("none", "not_low_probability"));
        execute(job(instance));
        var individuals = dutiesOf(instance).get("individuals/US");
        var notice = obligationProcess(individuals);
        var marker = java.util.regex.Pattern.compile("incident " + individuals.incidentId() + "\\b");
        try {
            // Just past the reminder: it is due, the escalation not yet.
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(individuals.reminderAt().plusSeconds(1)));
            assertThat(dueTimers(notice)).containsExactly(BoundaryEvent_ReminderDue);
            execute(timer(notice, BoundaryEvent_ReminderDue));
            execute(jobAt(notice, Task_RemindGroup));
            await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.withSubject("Reminder: notice to individuals (US)").stream()
                    .anyMatch(mail -> marker.matcher(body(mail)).find()));
            assertThat(TestMailServer.withSubject("ESCALATION: notice to individuals (US)")).noneMatch(mail -> marker.matcher(body(mail)).find());

            // Past the escalation point, 48 hours before the deadline: the CISO hears of it.
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(individuals.escalationAt().plusSeconds(1)));
            assertThat(dueTimers(notice)).containsExactly(BoundaryEvent_EscalationDue);
            execute(timer(notice, BoundaryEvent_EscalationDue));
            execute(jobAt(notice, Task_EscalateToLeadAndCiso));
            await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.withSubject("ESCALATION: notice to individuals (US)").stream()
                    .anyMatch(mail -> marker.matcher(body(mail)).find()));
            var escalation = TestMailServer.withSubject("ESCALATION: notice to individuals (US)").stream()
                    .filter(mail -> marker.matcher(body(mail)).find()).findFirst().orElseThrow();
            assertThat(escalation.getAllRecipients()).extracting(Object::toString).contains("ciso@vigil.example");
            assertThat(obligations.findById(individuals.id()).orElseThrow().status()).isEqualTo(ObligationStatus.OPEN);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private List<String> dueTimers(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list().stream()
                .map(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())
                .toList();
    }

    // --- intake and what is stored -----------------------------------------------------------------------------

    @Test
    void aReportFromTheTasklistFormKeepsItsTextOutOfTheProcess() {
        var variables = new HashMap<String, Object>(Map.of("phiTitle", "Laptop stolen", "phiDescription", "Jane Doe's chart on it",
                "discoveredAt", "2026-03-02T10:15:00-05:00", "dataName", true, "dataDiagnosis", true,
                "affectedEstimate", "US-TX: 12", "phiSystemsInvolved", "EHR\nLaptop"));
        var instance = engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(BreachResponseProcess.KEY).latestVersion().singleResult().getId(),
                variables);

        assertThat(instance).isWaitingAt(Task_TriageIncident).variables().containsKey(INCIDENT_ID.name())
                .doesNotContainKeys("phiTitle", "phiDescription", "phiSystemsInvolved");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameLike("phi%").count()).isZero();
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).list())
                .noneMatch(detail -> detail.toString().contains("Jane Doe"));
        var incident = incidentRows.findById(incidentOf(instance)).orElseThrow();
        assertThat(incident.description()).isEqualTo("Jane Doe's chart on it");
        assertThat(incident.dataCategories()).containsExactly("diagnosis", "name");
        assertThat(incident.affectedEstimate()).containsEntry("US-TX", 12);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The incidents of these tests are discovered a day ago; containment ends after that and not in the future. */
    private static String containedNow() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A report, and the provisional plan the job executor makes from it at once. */
    private ProcessInstance reported(String title) {
        var reported = incidents.report(new IncidentReport(null, title, "details", null,
                OffsetDateTime.now(ZoneOffset.ofHours(-6)).minusDays(1).truncatedTo(ChronoUnit.SECONDS), "sysadmin", List.of("EHR"), List.of("name"), Map.of("US-TX", 10)), "staff");
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(reported.incidentId())).singleResult();
        execute(jobAt(instance, Task_PlanProvisionally));
        return instance;
    }

    private ProcessInstance atRiskAssessment(String counts) {
        return atRiskAssessment(counts, Map.of());
    }

    private ProcessInstance atRiskAssessment(String counts, Map<String, Object> facts) {
        var instance = reported("Breach " + counts);
        complete(task(instance), triage(Map.of(PATIENT_DATA_INVOLVED.name(), true, ESTIMATED_AFFECTED.name(), 10)));
        complete(task(instance), Map.of("containedAt", containedNow()));
        var investigation = investigation(counts);
        investigation.putAll(facts);
        complete(task(instance), investigation);
        assertThat(instance).isWaitingAt(Task_AssessRisk);
        return instance;
    }

    private static Map<String, Object> triage(Map<String, Object> answers) {
        var variables = new HashMap<String, Object>(Map.of(PATIENT_DATA_INVOLVED.name(), false, "patientCareAffected", false,
                "medicalDeviceInvolved", false, "insiderSuspected", false));
        variables.putAll(answers);
        return variables;
    }

    private static HashMap<String, Object> investigation(String counts) {
        return new HashMap<>(Map.of("affectedCounts", counts, "dataName", true, "dataDiagnosis", true, "role", "covered_entity",
                "lawEnforcementForm", "none"));
    }

    private static Map<String, Object> riskAssessment(String exception, String conclusion) {
        var variables = new HashMap<String, Object>(Map.of(HIPAA_EXCEPTION.name(), exception, RISK_CONCLUSION.name(), conclusion));
        for (String factor : RiskAssessmentTaskListener.FACTORS) {
            variables.put(factor, "medium");
            variables.put("phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale", "Rationale for " + factor);
        }
        return variables;
    }

    private long incidentOf(ProcessInstance instance) {
        return INCIDENT_ID.from(runtime.getVariables(instance.getId()));
    }

    private Map<String, Obligation> dutiesOf(ProcessInstance instance) {
        var duties = new HashMap<String, Obligation>();
        obligations.findByIncidentIdOrderByTargetDeadline(incidentOf(instance)).stream().filter(Obligation::isInPlan)
                .forEach(obligation -> duties.put(obligation.recipient() + "/" + obligation.jurisdiction(), obligation));
        return duties;
    }

    private ProcessInstance obligationProcess(Obligation obligation) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(NotificationObligationProcess.businessKey(obligation.id())).singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
    }

    private Job jobAt(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private static String body(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
