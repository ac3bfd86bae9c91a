package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vigil.TestClock.instant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.EngineJobs;
import org.vigil.TestClock;
import org.vigil.VigilSpringTest;
import org.vigil.accessreview.AccessReviewApi.PhiSystem;
import org.vigil.accessreview.PhiSystemRegister;
import org.vigil.breach.events.AgreementChanged;
import org.vigil.breach.events.IncidentClosed;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.platform.CompanyCalendar;
import org.vigil.platform.JsonListVariables;
import org.vigil.regulation.events.CatalogVersionChanged;
import org.vigil.risk.events.RiskAssessmentSignedOff;

/**
 * Process test for processes/risk-assessment.bpmn and its quarterly schedule on the test clock (Monday 2 March 2026,
 * 09:00 EST): the yearly and quarterly timers with their due dates and scopes, the CISO's start, every step from
 * identification to sign-off with its refusals (a bad rating, someone other than the owner accepting), the owner's
 * refusal back to treatment, and every trigger (once per event, an exercise and a medium breach starting nothing).
 */
@VigilSpringTest
@RecordApplicationEvents
class RiskAssessmentProcessTest {

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired RiskAssessments assessments;
    @Autowired RiskRegister register;
    @Autowired RiskAssessmentProcess process;
    @Autowired CorrectiveActions actions;
    @Autowired CompanyCalendar calendar;
    @Autowired PhiSystemRegister systems;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEvents events;

    @BeforeEach
    void engineAndTheMirroredRegister() {
        BpmnAwareTests.init(engine);
        // The seeded PHI systems reach the register through the access-review register's events, after the start.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> register.asset("claims-db").isPresent()
                && register.asset("ehr-gateway").isPresent() && register.asset("support-desk").isPresent());
    }

    // ---------------------------------------------------------------- the register

    @Test
    void theSeededPhiSystemsAreAssetsWithTheirPriorityAndNoSeedStartsAnAssessment() {
        var claims = register.asset("claims-db").orElseThrow();
        assertThat(claims.phi()).isTrue();
        assertThat(claims.priority()).isEqualTo("high");
        assertThat(claims.ownerId()).isEqualTo("manager");
        assertThat(claims.source()).isEqualTo("register");
        assertThat(register.asset("support-desk").orElseThrow().priority()).isEqualTo("normal");
        assertThat(assessments.assessmentOfTrigger(RiskTriggers.PHI_SYSTEM_ADDED, "claims-db")).isEmpty();

        assertThatThrownBy(() -> register.add(new RiskApi.NewAsset("hr-files", "HR file share", "secret", "manager"), "ciso"))
                .hasMessageStartingWith("classification:");
        var added = register.add(new RiskApi.NewAsset("hr-files", "HR file share", "other", "manager"), "ciso");
        assertThat(added.phi()).isFalse();
        assertThat(added.priority()).isEqualTo("normal");
        assertThat(added.source()).isEqualTo("ciso");
    }

    // ---------------------------------------------------------------- the timers

    @Test
    void theFormalAssessmentStartsInJanuaryOnTheFirstWorkingDayForEveryAsset() {
        Job annual = startTimer(RiskAssessmentProcess.KEY, RiskAssessmentProcess.StartEvent_AnnualAssessmentDue);
        management.recalculateJobDuedate(annual.getId(), false);
        assertThat(dueDate(annual)).isEqualTo(instant("2027-01-01T09:00:00-05:00"));

        clock.moveTo("2027-01-01T09:00:00-05:00");
        ProcessInstance instance = fire(RiskAssessmentProcess.KEY, annual, RiskAssessmentProcess.Event_FirstWorkingDay);
        // New Year's Day is no working day: the assessment waits for the next one at 09:00.
        LocalDate firstWorkingDay = calendar.firstWorkingDayFrom(LocalDate.parse("2027-01-01"));
        Job wait = timer(instance, RiskAssessmentProcess.Event_FirstWorkingDay);
        assertThat(wait.getDuedate().toInstant()).isEqualTo(firstWorkingDay.atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant());
        clock.moveTo(wait.getDuedate().toInstant());
        management.executeJob(wait.getId());
        EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_OpenAssessment);

        assertThat(instance).isWaitingAt(RiskAssessmentProcess.Task_ConfirmScope);
        var assessment = assessments.assessment(assessmentOf(instance));
        assertThat(assessment.kind()).isEqualTo("annual");
        assertThat(assessment.status()).isEqualTo("SCOPING");
        assertThat(assessment.assetIds()).contains("claims-db", "ehr-gateway", "support-desk");
        Task scope = task(instance);
        assertThat(scope.getName()).isEqualTo("Scope risk assessment " + assessment.id() + " (annual)");
        assertThat(tasks.getVariable(scope.getId(), "assetIds").toString()).contains("claims-db", "ehr-gateway", "support-desk");
        // The next formal assessment: January 2028.
        assertThat(dueDate(startTimer(RiskAssessmentProcess.KEY, RiskAssessmentProcess.StartEvent_AnnualAssessmentDue)))
                .isEqualTo(instant("2028-01-01T09:00:00-05:00"));

        // The CISO narrows the scope; an unknown asset is refused naming the field.
        assertThatThrownBy(() -> completeAs("ciso", "ciso", scope, Map.of("assetIds", "claims-db, no-such-system")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("assetIds: no asset no-such-system");
        completeAs("ciso", "ciso", scope, Map.of("assetIds", "support-desk"));
        Task identify = task(instance);
        assertThat(identify.getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_IdentifyThreats);
        assertThat(identify.getName()).isEqualTo("Identify threats to support-desk: risk assessment " + assessment.id());
        assertThat(assessments.assessment(assessment.id()).assetIds()).containsExactly("support-desk");
        runtime.deleteProcessInstance(instance.getId(), "test: only the timer and the scope are under test");
    }

    @Test
    void theQuarterlyReviewCoversTheHighPriorityPhiAssetsOnly() {
        Job quarterly = startTimer(RiskAssessmentProcess.QUARTERLY_SCHEDULE_KEY, RiskAssessmentProcess.StartEvent_QuarterlyReviewDue);
        management.recalculateJobDuedate(quarterly.getId(), false);
        assertThat(dueDate(quarterly)).isEqualTo(instant("2026-04-01T09:00:00-04:00"));

        clock.moveTo("2026-04-01T09:00:00-04:00");
        ProcessInstance schedule = fire(RiskAssessmentProcess.QUARTERLY_SCHEDULE_KEY, quarterly, RiskAssessmentProcess.Event_FirstWorkingDay);
        Job wait = timer(schedule, RiskAssessmentProcess.Event_FirstWorkingDay);
        assertThat(wait.getDuedate().toInstant()).isEqualTo(instant("2026-04-01T09:00:00-04:00"));
        management.executeJob(wait.getId());
        EngineJobs.runAt(management, schedule.getId(), RiskAssessmentProcess.Task_RequestAssessment);
        assertThat(schedule).isEnded();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(RiskAssessmentProcess.KEY)
                .variableValueEquals("scheduledBy", schedule.getId()).singleResult();
        // A re-run of the schedule's job starts no second assessment.
        assertThat(process.startScheduled("quarterly", schedule.getId())).isEqualTo(instance.getId());
        EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_OpenAssessment);
        var assessment = assessments.assessment(assessmentOf(instance));
        assertThat(assessment.kind()).isEqualTo("quarterly");
        assertThat(assessment.assetIds()).contains("claims-db", "ehr-gateway").doesNotContain("support-desk", "hr-files");
        assertThat(dueDate(startTimer(RiskAssessmentProcess.QUARTERLY_SCHEDULE_KEY, RiskAssessmentProcess.StartEvent_QuarterlyReviewDue)))
                .isEqualTo(instant("2026-07-01T09:00:00-04:00"));
        runtime.deleteProcessInstance(instance.getId(), "test: only the timer is under test");
    }

    // ---------------------------------------------------------------- every step to the sign-off

    @Test
    void anAssetIsAssessedTreatedAcceptedByItsOwnerOnlyAndSignedOff() {
        assertThatThrownBy(() -> assessments.request("manager", "all")).isInstanceOf(RiskRefusedException.class)
                .hasMessageContaining("Only the CISO starts a risk assessment by hand");
        // An administrator's grants do not make them the CISO.
        assertThatThrownBy(() -> assessments.request("admin", "all")).isInstanceOf(RiskRefusedException.class);
        assertThatThrownBy(() -> assessments.request("ciso", List.of("nothing-here"))).hasMessageStartingWith("scope: no asset nothing-here");
        assertThatThrownBy(() -> assessments.request("ciso", "some")).hasMessageStartingWith("scope:");
        var started = assessments.request("ciso", List.of("claims-db"));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(started.processInstanceId()).singleResult();
        EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_OpenAssessment);
        long id = started.assessmentId();

        // The start named the asset: no scope step. Identification is offered to the CISO and the asset's owner.
        Task identify = task(instance);
        assertThat(identify.getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_IdentifyThreats);
        assertThat(candidates(identify)).contains("group:ciso", "user:manager");
        assertThat(identify.getDueDate().toInstant()).isEqualTo(calendar.endOfWorkingDay(LocalDate.parse("2026-03-16")));
        assertThat(tasks.getVariable(identify.getId(), "threatIds").toString())
                .contains("ransomware-clinical", "workforce-snooping", "misdirected-phi", "business-associate-breach",
                        "credential-stuffing-portal", "phishing", "supplier-outage");
        assertThatThrownBy(() -> completeAs("manager", "managers", identify, Map.of("threatIds", "ransomware-clinical, alien-invasion")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("threatIds: alien-invasion is not a threat");
        completeAs("manager", "managers", identify, Map.of("threatIds", "ransomware-clinical, phishing"));
        var risks = assessments.detail(id).risks();
        assertThat(risks).extracting(RiskApi.RiskView::threatId).containsExactly("phishing", "ransomware-clinical");
        assertThat(risks).allSatisfy(r -> assertThat(r.ownerId()).isEqualTo("manager"));
        long ransomware = risks.get(1).id();
        long phishing = risks.get(0).id();

        // Analysis: a residual rating above the inherent one is refused naming the field.
        Task analyseRansomware = analysisOf(instance, ransomware);
        assertThat(analyseRansomware.getName()).isEqualTo("Analyse risk " + ransomware + " (claims-db/ransomware-clinical): risk assessment " + id);
        assertThat(tasks.getVariable(analyseRansomware.getId(), "controls")).isEqualTo("8.7, 8.13, 8.8, 5.30, 8.16");
        assertThatThrownBy(() -> completeAs("ciso", "ciso", analyseRansomware, analysis(2, 2, 2, 2, 2, 5, 5, "modify", "8.7")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("residualImpact: the residual rating (25) cannot be above");
        assertThatThrownBy(() -> completeAs("ciso", "ciso", analyseRansomware, analysis(4, 5, 5, 5, 4, 3, 4, "modify", "8.7, 9.9")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("controls: 9.9 is not a control of Annex A 2022");
        completeAs("ciso", "ciso", analyseRansomware, withDescription(analysis(4, 5, 5, 5, 4, 3, 4, "modify", "A.8.7, 8.13"),
                "Clinics' claims history encrypted; restore from the offline copy"));
        completeAs("manager", "managers", analysisOf(instance, phishing), analysis(2, 2, 1, 1, 1, 2, 1, "retain", ""));
        assertThat(runtime.getVariable(instance.getId(), "phiDescription")).isNull();
        assertThat(runtime.getVariable(instance.getId(), "likelihood")).isNull();
        var analysed = register.risk(ransomware);
        assertThat(analysed.risk().inherentRating()).isEqualTo(20);
        assertThat(analysed.risk().inherentBand()).isEqualTo("critical");
        assertThat(analysed.risk().residualRating()).isEqualTo(12);
        assertThat(analysed.risk().controls()).containsExactly("8.7", "8.13");
        assertThat(analysed.impact()).containsEntry("patient-safety", 4);
        assertThat(analysed.description()).isEqualTo("Clinics' claims history encrypted; restore from the offline copy");
        assertThat(register.risk(phishing).risk().status()).isEqualTo("WITHIN_APPETITE");

        // Treatment: only the risk not within appetite. Its action runs as a corrective action.
        Task plan = task(instance);
        assertThat(plan.getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_PlanTreatment);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()).isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list()).hasSize(1);
        assertThatThrownBy(() -> completeAs("manager", "managers", plan, plan("modify", 3, 4)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("phiActions: a risk treated by modify needs at least one action");
        completeAs("manager", "managers", plan, plan("modify", 3, 4, action("Immutable offsite backups of the claims database", "it-operations")));
        EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_RaiseTreatmentActions);
        var raised = actions.bySource(ActionSource.RISK_TREATMENT, "risk:" + ransomware + ":assessment:" + id + ":");
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.source().reference()).isEqualTo("risk:" + ransomware + ":assessment:" + id + ":action:1");
            assertThat(a.severity()).isEqualTo("major");
            assertThat(a.ownerGroup()).isEqualTo("it-operations");
        });
        assertThat(register.risk(ransomware).actions()).singleElement().satisfies(a -> assertThat(a.correctiveActionId()).isEqualTo(raised.get(0).id()));

        // Acceptance: assigned to the owner; the CISO may see it but not decide it.
        Task accept = task(instance);
        assertThat(accept.getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_AcceptResidualRisk);
        assertThat(accept.getAssignee()).isEqualTo("manager");
        assertThat(assessments.assessment(id).status()).isEqualTo("ACCEPTING");
        assertThatThrownBy(() -> completeAs("ciso", "ciso", accept, Map.of("acceptance", "accept")))
                .hasRootCauseInstanceOf(AuthorizationException.class)
                .hasMessageContaining("Only the risk owner, manager, accepts the residual risk of risk " + ransomware);
        assertThatThrownBy(() -> completeAs("manager", "managers", accept, Map.of("acceptance", "refuse")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("phiAcceptanceNote:");
        // The owner refuses: back to treatment.
        completeAs("manager", "managers", accept, Map.of("acceptance", "refuse", "phiAcceptanceNote", "Test the restore first"));
        Task again = task(instance);
        assertThat(again.getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_PlanTreatment);
        assertThat(register.risk(ransomware).acceptanceNote()).isEqualTo("Test the restore first");
        completeAs("ciso", "ciso", again, plan("modify", 2, 5, action("Quarterly restore test of the claims database", "it-operations")));
        EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_RaiseTreatmentActions);
        assertThat(actions.bySource(ActionSource.RISK_TREATMENT, "risk:" + ransomware + ":assessment:" + id + ":")).hasSize(2);
        completeAs("manager", "managers", task(instance), Map.of("acceptance", "accept"));
        assertThat(register.risk(ransomware).risk().status()).isEqualTo("ACCEPTED");
        assertThat(register.risk(ransomware).risk().acceptedBy()).isEqualTo("manager");

        // Sign-off: the asset is assessed as of now; the signed-off event versions the SoA.
        Task signOff = task(instance);
        assertThat(signOff.getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_SignOff);
        assertThatThrownBy(() -> completeAs("ciso", "ciso", signOff, Map.of("signOff", false)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("signOff:");
        assertThatThrownBy(() -> completeAs("admin", "camunda-admin", signOff, Map.of("signOff", true)))
                .hasRootCauseInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("Only the CISO signs off risk assessment");
        completeAs("ciso", "ciso", signOff, Map.of("signOff", true));
        assertThat(instance).isEnded();
        assertThat(assessments.assessment(id).status()).isEqualTo("SIGNED_OFF");
        assertThat(assessments.assessment(id).signedOffBy()).isEqualTo("ciso");
        assertThat(register.asset("claims-db").orElseThrow().lastAssessedAt()).isEqualTo(clock.now());
        assertThat(events.stream(RiskAssessmentSignedOff.class)).anySatisfy(e -> {
            assertThat(e.assessmentId()).isEqualTo(id);
            assertThat(e.kind()).isEqualTo("manual");
        });
        assertThatThrownBy(() -> assessments.signOff(id, "ciso")).isInstanceOf(AssessmentSignedOffException.class);
    }

    // ---------------------------------------------------------------- the triggers

    @Test
    void aNewPhiSystemIsAssessedOnItsOwnOnceAndARaisedClassificationAgain() {
        systems.saveSystem(new PhiSystem("lab-portal", "Lab results portal", "manager", "ciso", "phi-limited"), "ciso");
        var added = awaitTrigger(RiskTriggers.PHI_SYSTEM_ADDED, "lab-portal");
        assertThat(added.kind()).isEqualTo("triggered");
        assertThat(added.assetIds()).containsExactly("lab-portal");
        assertThat(register.asset("lab-portal").orElseThrow().priority()).isEqualTo("normal");
        ProcessInstance instance = instanceOf(added);
        EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_OpenAssessment);
        // Named by the trigger: straight to the identification, with the threats of a phi-limited system.
        assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_IdentifyThreats);
        assertThat(tasks.getVariable(task(instance).getId(), "threatIds").toString()).contains("ransomware-clinical")
                .doesNotContain("medical-device-compromise");

        // A redelivered event starts nothing twice.
        var redelivered = new org.vigil.accessreview.events.PhiSystemRegistered("lab-portal", "Lab results portal", "manager",
                "phi-limited", null, false, clock.now());
        publish(redelivered);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count(RiskTriggers.PHI_SYSTEM_ADDED, "lab-portal") == 1);

        // phi-limited to phi-restricted: a new assessment, the asset now high priority.
        clock.moveBy(Duration.ofMinutes(5));
        systems.saveSystem(new PhiSystem("lab-portal", "Lab results portal", "manager", "ciso", "phi-restricted"), "ciso");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> assessments.assessments().stream()
                .anyMatch(a -> RiskTriggers.CLASSIFICATION_RAISED.equals(a.triggerType()) && a.triggerReference().startsWith("lab-portal:phi-limited>phi-restricted:")));
        assertThat(register.asset("lab-portal").orElseThrow().priority()).isEqualTo("high");
        // A change that raises nothing (the owner) starts nothing.
        systems.saveSystem(new PhiSystem("lab-portal", "Lab results portal", "ciso", "manager", "phi-restricted"), "ciso");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> register.asset("lab-portal").orElseThrow().ownerId().equals("ciso"));
        assertThat(assessments.assessments().stream().filter(a -> a.assetIds().contains("lab-portal"))).hasSize(2);
        assessments.assessments().stream().filter(a -> a.assetIds().contains("lab-portal"))
                .forEach(a -> runtime.deleteProcessInstance(a.processInstanceId(), "test: only the trigger is under test"));
    }

    @Test
    void aBreachClosedAtHighOrCriticalSeverityStartsAnAssessmentOfThePhiAssetsButAnExerciseOrAMediumOneNothing() {
        publish(new IncidentClosed(9001, "medium", clock.now(), false));
        publish(new IncidentClosed(9002, "critical", clock.now(), true));
        publish(new IncidentClosed(9003, "high", clock.now(), false));
        var assessment = awaitTrigger(RiskTriggers.BREACH_CLOSED, "incident:9003");
        publish(new IncidentClosed(9003, "high", clock.now(), false));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count(RiskTriggers.BREACH_CLOSED, "incident:9003") == 1);
        assertThat(count(RiskTriggers.BREACH_CLOSED, "incident:9001")).isZero();
        assertThat(count(RiskTriggers.BREACH_CLOSED, "incident:9002")).isZero();
        ProcessInstance instance = instanceOf(assessment);
        EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_OpenAssessment);
        // Not named by the trigger: the CISO scopes it among the PHI assets.
        assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_ConfirmScope);
        assertThat(assessments.assessment(assessment.id()).assetIds()).contains("claims-db", "ehr-gateway", "support-desk")
                .doesNotContain("hr-files");
        runtime.deleteProcessInstance(instance.getId(), "test: only the trigger is under test");
    }

    @Test
    void aNewCatalogVersionAndAChangedAgreementEachStartOneAssessment() {
        publish(new CatalogVersionChanged("2026.2", "2026.1", clock.now()));
        publish(new CatalogVersionChanged("2026.2", "2026.1", clock.now()));
        var catalog = awaitTrigger(RiskTriggers.CATALOG_VERSION, "2026.2");
        String fingerprint = "ab".repeat(32);
        publish(new AgreementChanged("baa-northwind-clinics", fingerprint, "cd".repeat(32), clock.now()));
        var agreement = awaitTrigger(RiskTriggers.AGREEMENT_CHANGED, "baa-northwind-clinics:" + fingerprint.substring(0, 16));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count(RiskTriggers.CATALOG_VERSION, "2026.2") == 1);
        for (var a : List.of(catalog, agreement)) {
            ProcessInstance instance = instanceOf(a);
            EngineJobs.runAt(management, instance.getId(), RiskAssessmentProcess.Task_OpenAssessment);
            assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_ConfirmScope);
            assertThat(assessments.assessment(a.id()).assetIds()).contains("claims-db", "ehr-gateway", "support-desk");
            runtime.deleteProcessInstance(instance.getId(), "test: only the trigger is under test");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void publish(Object event) {
        transaction.executeWithoutResult(status -> publisher.publishEvent(event));
    }

    private RiskApi.AssessmentView awaitTrigger(String type, String reference) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> assessments.assessmentOfTrigger(type, reference).isPresent());
        return assessments.assessmentOfTrigger(type, reference).orElseThrow();
    }

    private long count(String type, String reference) {
        return assessments.assessments().stream().filter(a -> type.equals(a.triggerType()) && reference.equals(a.triggerReference())).count();
    }

    private ProcessInstance instanceOf(RiskApi.AssessmentView assessment) {
        return runtime.createProcessInstanceQuery().processInstanceId(assessment.processInstanceId()).singleResult();
    }

    private static Map<String, Object> analysis(int likelihood, int c, int i, int a, int p, int residualLikelihood, int residualImpact,
            String treatment, String controls) {
        Map<String, Object> values = new HashMap<>();
        values.put("likelihood", String.valueOf(likelihood));
        values.put("impactConfidentiality", String.valueOf(c));
        values.put("impactIntegrity", String.valueOf(i));
        values.put("impactAvailability", String.valueOf(a));
        values.put("impactPatientSafety", String.valueOf(p));
        values.put("residualLikelihood", String.valueOf(residualLikelihood));
        values.put("residualImpact", String.valueOf(residualImpact));
        values.put("treatment", treatment);
        values.put("controls", controls);
        return values;
    }

    private static Map<String, Object> withDescription(Map<String, Object> values, String description) {
        values.put("phiDescription", description);
        return values;
    }

    @SafeVarargs
    private static Map<String, Object> plan(String treatment, int residualLikelihood, int residualImpact, Map<String, Object>... actions) {
        Map<String, Object> values = new HashMap<>();
        values.put("treatment", treatment);
        values.put("residualLikelihood", String.valueOf(residualLikelihood));
        values.put("residualImpact", String.valueOf(residualImpact));
        values.put("phiActions", JsonListVariables.jsonValue(List.of(actions)));
        return values;
    }

    private static Map<String, Object> action(String text, String group) {
        return Map.of("text", text, "ownerGroup", group);
    }

    private Task analysisOf(ProcessInstance instance, long riskId) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RiskAssessmentProcess.Task_AnalyseRisk).list()
                .stream().filter(t -> Long.valueOf(riskId).equals(tasks.getVariable(t.getId(), "riskId"))).findFirst().orElseThrow();
    }

    private List<String> candidates(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(l -> l.getGroupId() != null ? "group:" + l.getGroupId() : "user:" + l.getUserId()).toList();
    }

    private long assessmentOf(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), "assessmentId")).longValue();
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void completeAs(String user, String group, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    private Job startTimer(String processKey, String activityId) {
        Job job = management.createJobQuery().processDefinitionKey(processKey).timers().activityId(activityId).singleResult();
        assertThat(job).as("start timer " + activityId).isNotNull();
        return job;
    }

    private ProcessInstance fire(String processKey, Job start, String waitingAt) {
        var before = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).activityIdIn(waitingAt).list()
                .stream().map(ProcessInstance::getId).toList();
        management.executeJob(start.getId());
        var started = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).activityIdIn(waitingAt).list()
                .stream().filter(i -> !before.contains(i.getId())).toList();
        assertThat(started).as("instances started by " + start.getId()).hasSize(1);
        return started.get(0);
    }

    private Job timer(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private Instant dueDate(Job job) {
        return management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().toInstant();
    }
}
