package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.vigil.TestClock.instant;
import static org.vigil.breach.BreachFixture.CONTAINED_AT;
import static org.vigil.breach.BreachFixture.investigation;
import static org.vigil.breach.BreachFixture.riskAssessment;
import static org.vigil.breach.BreachFixture.triage;
import static org.vigil.breach.BreachResponseProcess.EndEvent_IncidentClosed;
import static org.vigil.breach.BreachResponseProcess.Event_ObligationsSettled;
import static org.vigil.breach.BreachResponseProcess.Task_AlertCiso;
import static org.vigil.breach.BreachResponseProcess.Task_ApproveNotABreach;
import static org.vigil.breach.BreachResponseProcess.Task_AssessRisk;
import static org.vigil.breach.BreachResponseProcess.Task_ContainIncident;
import static org.vigil.breach.BreachResponseProcess.Task_DropProvisionalPlan;
import static org.vigil.breach.BreachResponseProcess.Task_InvestigateIncident;
import static org.vigil.breach.BreachResponseProcess.Task_PlanNotifications;
import static org.vigil.breach.BreachResponseProcess.Task_ReviewPostIncident;
import static org.vigil.breach.BreachResponseProcess.Task_TriageIncident;
import static org.vigil.breach.BreachResponseVariables.CATEGORY;
import static org.vigil.breach.BreachResponseVariables.ESTIMATED_AFFECTED;
import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.NOTIFICATIONS_REQUIRED;
import static org.vigil.breach.BreachResponseVariables.NOT_A_BREACH_APPROVED;
import static org.vigil.breach.BreachResponseVariables.PATIENT_DATA_INVOLVED;
import static org.vigil.breach.BreachResponseVariables.SEVERITY;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.TestClock;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;

/**
 * Process test for processes/breach-response.bpmn, on the test clock: every incident is discovered at 08:00 on Monday
 * 2 March 2026 (EST) and reported at 09:00. Its notifications, one notification-obligation.bpmn each, are
 * {@link NotificationObligationProcessTest}'s.
 */
@VigilSpringTest
class BreachResponseProcessTest {

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Incidents incidents;
    @Autowired org.vigil.correctiveaction.CorrectiveActions correctiveActions;
    @Autowired ObligationRepository obligations;
    @Autowired IncidentRepository incidentRows;

    BreachFixture breach;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
        breach = new BreachFixture(incidents, runtime, management, obligations);
    }

    // --- the paths ---------------------------------------------------------------------------------------------

    @Test
    void aPatientSafetyIncidentAlertsTheCisoAndMustBeContainedWithinHours() throws Exception {
        var instance = breach.reported("Infusion pump firmware tampered");
        complete(task(instance), triage(Map.of("medicalDeviceInvolved", true, ESTIMATED_AFFECTED.name(), 0)));

        assertThat(instance).isWaitingAt(Task_AlertCiso).variables()
                .containsEntry(CATEGORY.name(), "patient_safety_device").containsEntry(SEVERITY.name(), "critical");
        execute(breach.jobAt(instance, Task_AlertCiso));

        assertThat(instance).isWaitingAt(Task_ContainIncident);
        assertThat(task(instance)).hasCandidateGroup("it-operations");
        // SLA policy for critical containment: 4 elapsed hours, follow-up after 2, from the triage at 09:00.
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-02T13:00:00-05:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-02T11:00:00-05:00"));
        long incidentId = breach.incidentOf(instance);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !TestMailServer.withSubject("incident " + incidentId + " (critical)").isEmpty());
        assertThat(TestMailServer.withSubject("incident " + incidentId + " (critical)").get(0).getAllRecipients())
                .extracting(Object::toString).containsExactly("ciso@vigil.example");
    }

    @Test
    void anIncidentWithoutPatientDataGoesFromInvestigationStraightToTheReview() {
        var instance = breach.reported("Phishing wave, no data lost");
        complete(task(instance), triage(Map.of("insiderSuspected", false, ESTIMATED_AFFECTED.name(), 0)));
        assertThat(instance).variables().containsEntry(CATEGORY.name(), "other_security_event").containsEntry(SEVERITY.name(), "low");
        // Default SLA policy: 5 working days, due at the close of work (17:00, daylight time from 8 March); follow-up after 3.
        assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(Task_ContainIncident);
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-09T17:00:00-04:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-05T17:00:00-05:00"));
        complete(task(instance), Map.of(ContainmentTaskListener.CONTAINED_AT, CONTAINED_AT));
        assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(Task_InvestigateIncident);
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-09T17:00:00-04:00"));
        complete(task(instance), investigation("US-NY: 0"));
        long incidentId = breach.incidentOf(instance);
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(incidentId)).as("provisional duties from the report's ten Texans")
                .isNotEmpty().allMatch(Obligation::provisional);

        execute(breach.jobAt(instance, Task_DropProvisionalPlan));
        assertThat(instance).isWaitingAt(Task_ReviewPostIncident);
        // 30 and 21 days of elapsed time from 09:00 EST: 10:00 on the wall clock once daylight time began.
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-04-01T10:00:00-04:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-23T10:00:00-04:00"));
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(incidentId)).allSatisfy(obligation -> {
            assertThat(obligation.status()).isEqualTo(ObligationStatus.WITHDRAWN);
            assertThat(obligation.withdrawalReason()).contains("no patient data involved");
        });

        clock.moveTo("2026-03-20T15:00:00-04:00");
        complete(task(instance), Map.of("phiLessonsLearned", "Train staff on phishing", "phiCorrectiveActions",
                org.vigil.platform.JsonListVariables.jsonValue(java.util.List.of(
                        Map.of("phiDescription", "MFA on webmail", "actionSeverity", "major", "actionOwnerGroup", "it-operations"),
                        Map.of("phiDescription", "", "actionSeverity", "", "actionOwnerGroup", ""),
                        Map.of("phiDescription", "Phishing drill each quarter", "actionSeverity", "improvement", "actionOwnerGroup", "managers")))));
        execute(job(instance));

        // Each filled-in row of the review became a corrective action of its owner group, numbered as the form shows it.
        var raised = correctiveActions.bySource(org.vigil.correctiveaction.ActionSource.INCIDENT_REVIEW, "incident:" + incidentId + ":action:");
        assertThat(raised).extracting(action -> action.source().reference())
                .containsExactly("incident:" + incidentId + ":action:1", "incident:" + incidentId + ":action:3");
        assertThat(raised).extracting(org.vigil.correctiveaction.ActionSummary::severity).containsExactly("major", "improvement");
        assertThat(raised).extracting(org.vigil.correctiveaction.ActionSummary::ownerGroup).containsExactly("it-operations", "managers");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("phiCorrectiveActions").count()).as("what the review wrote is kept out of the history").isZero();

        assertThat(instance).isEnded().hasPassed(EndEvent_IncidentClosed);
        var incident = incidentRows.findById(incidentId).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.closedAt()).isEqualTo(instant("2026-03-20T15:00:00-04:00"));
        // The record is kept six years from its closure (164.530(j)), not from the report.
        assertThat(incident.retainUntil()).isEqualTo(LocalDate.parse("2032-03-20"));
    }

    @Test
    void aHipaaExceptionIsNotABreachOnceThePrivacyOfficerApproves() {
        // Tennessee exempts HIPAA entities, so HIPAA alone decides here.
        var instance = breach.atRiskAssessment("US-TN: 40");
        complete(task(instance), riskAssessment("164.402(1)(i)", "not_low_probability"));
        execute(breach.jobAt(instance, Task_PlanNotifications));

        assertThat(instance).isWaitingAt(Task_ApproveNotABreach).variables().containsEntry(NOTIFICATIONS_REQUIRED.name(), false);
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-04T09:00:00-05:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-03T09:00:00-05:00"));
        complete(task(instance), Map.of(NOT_A_BREACH_APPROVED.name(), true));
        assertThat(instance).isWaitingAt(Task_ReviewPostIncident);
        // What the report's first facts made provisionally, the assessment dropped, each with its reason on the record.
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(breach.incidentOf(instance))).allSatisfy(obligation -> {
            assertThat(obligation.status()).isEqualTo(ObligationStatus.WITHDRAWN);
            assertThat(obligation.withdrawalReason()).startsWith("the assessment's plan does not find this provisional duty");
        });
    }

    @Test
    void theInvestigationsAccessOnlyAndAStatesNoHarmDeterminationDecideThatStatesDutiesOnly() {
        // Texas counts acquisition, Florida and Rhode Island access; Florida's own harm test was applied and documented.
        var instance = breach.planned("US-TX: 40\nUS-FL: 40\nUS-RI: 40", Map.of("dataSsn", true,
                "accessWithoutAcquisition", true, "stateNoHarmDeterminations", "us-fl"));

        var duties = breach.dutiesOf(instance);
        assertThat(duties).containsKeys("individuals/US-RI", "individuals/US").doesNotContainKeys("individuals/US-TX", "individuals/US-FL");
        // Maine counts a driver's licence number, not a diagnosis: the form's new checkbox reaches its definition.
        var licence = breach.planned("US-ME: 40", Map.of("dataDiagnosis", false, "dataDriversLicense", true));
        assertThat(breach.dutiesOf(licence)).containsKey("individuals/US-ME");
        var diagnosis = breach.planned("US-ME: 40", Map.of());
        assertThat(breach.dutiesOf(diagnosis)).doesNotContainKey("individuals/US-ME");
        assertThat(InvestigationTaskListener.usStates("US-FL, us-co;US-TX", "stateNoHarmDeterminations"))
                .containsExactly("US-FL", "US-CO", "US-TX");
        assertThatThrownBy(() -> InvestigationTaskListener.usStates("Florida", "stateNoHarmDeterminations"))
                .hasMessageContaining("(stateNoHarmDeterminations) holds 'FLORIDA', not a US state or territory code");
    }

    @Test
    void aRejectedNotABreachConclusionGoesBackToTheRiskAssessment() {
        var instance = breach.atRiskAssessment("US-TN: 40");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-05T09:00:00-05:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-04T09:00:00-05:00"));
        complete(task(instance), riskAssessment("none", "low_probability_of_compromise"));
        execute(breach.jobAt(instance, Task_PlanNotifications));

        clock.moveTo("2026-03-03T14:00:00-05:00");
        complete(task(instance), Map.of(NOT_A_BREACH_APPROVED.name(), false));
        assertThat(instance).isWaitingAt(Task_AssessRisk);
        // The new assessment has its three days (follow-up after two) from the rejection, not from the first one.
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-06T14:00:00-05:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-05T14:00:00-05:00"));
    }

    @Test
    void encryptedDataWithItsKeySafeIsNotABreachButWithTheKeyLostItIs() {
        var safe = breach.atRiskAssessment("US-TN: 40", Map.of("encryptedNistSafeHarbor", true));
        complete(task(safe), riskAssessment("none", "not_low_probability"));
        execute(breach.jobAt(safe, Task_PlanNotifications));
        assertThat(safe).isWaitingAt(Task_ApproveNotABreach);

        var keyLost = breach.atRiskAssessment("US-TN: 40", Map.of("encryptedNistSafeHarbor", true, "encryptionKeyCompromised", true));
        complete(task(keyLost), riskAssessment("none", "not_low_probability"));
        execute(breach.jobAt(keyLost, Task_PlanNotifications));
        assertThat(keyLost).isWaitingAt(Event_ObligationsSettled);
    }

    @Test
    void fewerThan500PeopleGiveIndividualNoticesAndAnAnnualHhsLogButNoMedia() {
        var instance = breach.planned("US-TX: 300");

        assertThat(instance).isWaitingAt(Event_ObligationsSettled);
        var duties = breach.dutiesOf(instance);
        assertThat(duties).containsOnlyKeys("individuals/US", "individuals/US-TX", "hhs/US", "state_ag:TX/US-TX");
        assertThat(duties).doesNotContainKey("media/US-TX");
        // HIPAA 164.404(b): 60 calendar days after the discovery on 2 March, to the end of that day (C2).
        assertThat(duties.get("individuals/US").targetDeadline()).isEqualTo(instant("2026-05-01T23:59:59-04:00"));
        // Tex. 521.053(b): 60 days from the determination, taken as the discovery (C7).
        assertThat(duties.get("individuals/US-TX").targetDeadline()).isEqualTo(instant("2026-05-01T23:59:59-04:00"));
        // Tex. 521.053(i), 250 Texans or more: 30 days.
        assertThat(duties.get("state_ag:TX/US-TX").targetDeadline()).isEqualTo(instant("2026-04-01T23:59:59-04:00"));
        // HIPAA 164.408(c): the annual log, 60 days after the end of 2026 is 1 March 2027 (2027 is no leap year).
        assertThat(duties.get("hhs/US").toView().deadlineRule()).isEqualTo("annual_log_by");
        assertThat(duties.get("hhs/US").targetDeadline()).isEqualTo(instant("2027-03-01T23:59:59-05:00"));
        // Our own patients, as covered entity: the customers' agreements do not apply (CounterpartyNoticesIT).
        assertThat(duties.keySet()).noneMatch(key -> key.startsWith("counterparty:"));
    }

    @Test
    void moreThan500InOneStateBringTheMediaAndHhsWithinSixtyDays() {
        var instance = breach.planned("US-TX: 600");

        var duties = breach.dutiesOf(instance);
        assertThat(duties).containsKeys("individuals/US", "hhs/US", "media/US-TX");
        assertThat(duties.get("media/US-TX").targetDeadline()).isEqualTo(instant("2026-05-01T23:59:59-04:00"));
        // HHS together with the individual notices, which are not sent yet: their own last day is the outer bound (C6).
        assertThat(duties.get("hhs/US").toView().deadlineRule()).startsWith("contemporaneous_with");
        assertThat(duties.get("hhs/US").targetDeadline()).isEqualTo(instant("2026-05-01T23:59:59-04:00"));
    }

    // --- the cards ---------------------------------------------------------------------------------------------

    /** Twelve "Triage the incident" cards were twelve guesses: each card names its incident, by number, never by title. */
    @Test
    void everyCardSaysWhichIncidentItIsAbout() {
        var instance = breach.reported("Laptop with Jane Doe's chart stolen");
        long incident = breach.incidentOf(instance);
        assertThat(task(instance).getName()).isEqualTo("Triage incident " + incident);

        complete(task(instance), triage(Map.of(PATIENT_DATA_INVOLVED.name(), true, ESTIMATED_AFFECTED.name(), 10)));
        // Fewer than 500 people's data: a medium patient data breach, which the containment card says.
        assertThat(task(instance).getName()).isEqualTo("Contain incident " + incident + " (medium)");
        complete(task(instance), Map.of(ContainmentTaskListener.CONTAINED_AT, CONTAINED_AT));
        assertThat(task(instance).getName()).isEqualTo("Investigate incident " + incident);
        complete(task(instance), investigation("US-TN: 40"));
        assertThat(task(instance).getName()).isEqualTo("Assess the risk of incident " + incident + " (four factors)");
        complete(task(instance), riskAssessment("164.402(1)(i)", "not_low_probability"));
        execute(breach.jobAt(instance, Task_PlanNotifications));
        assertThat(task(instance).getName()).isEqualTo("Approve: incident " + incident + " is not a reportable breach");
        complete(task(instance), Map.of(NOT_A_BREACH_APPROVED.name(), true));
        assertThat(task(instance).getName()).isEqualTo("Review incident " + incident + " and close it");

        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
                .hasSize(6).allSatisfy(card -> assertThat(card.getName()).contains("incident " + incident).doesNotContain("Jane", "Laptop"));
    }

    // --- intake and what is stored -----------------------------------------------------------------------------

    @Test
    void aReportFromTheTasklistFormKeepsItsTextOutOfTheProcess() {
        var variables = new HashMap<String, Object>(Map.of("phiTitle", "Laptop stolen", "phiDescription", "Jane Doe's chart on it",
                "discoveredAt", "2026-03-02T08:15:00-05:00", "dataName", true, "dataDiagnosis", true,
                "affectedEstimate", "US-TX: 12", "phiSystemsInvolved", "EHR\nLaptop"));
        var instance = engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(BreachResponseProcess.KEY).latestVersion().singleResult().getId(),
                variables);

        assertThat(instance).isWaitingAt(Task_TriageIncident).variables().containsKey(INCIDENT_ID.name())
                .doesNotContainKeys("phiTitle", "phiDescription", "phiSystemsInvolved");
        // SLA policy for triage: 4 working hours, follow-up after 2, from the report at 09:00.
        Task triage = task(instance);
        assertThat(triage.getName()).isEqualTo("Triage incident " + breach.incidentOf(instance)).doesNotContain("Laptop");
        assertThat(triage.getDueDate().toInstant()).isEqualTo(instant("2026-03-02T13:00:00-05:00"));
        assertThat(triage.getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-02T11:00:00-05:00"));
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameLike("phi%").count()).isZero();
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).list())
                .noneMatch(detail -> detail.toString().contains("Jane Doe"));
        var incident = incidentRows.findById(breach.incidentOf(instance)).orElseThrow();
        assertThat(incident.description()).isEqualTo("Jane Doe's chart on it");
        assertThat(incident.discoveredAt()).isEqualTo(instant("2026-03-02T08:15:00-05:00"));
        assertThat(incident.dataCategories()).containsExactly("diagnosis", "name");
        assertThat(incident.affectedEstimate()).containsEntry("US-TX", 12);
    }
}
