package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vigil.TestClock.instant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.EngineJobs;
import org.vigil.TestClock;
import org.vigil.VigilSpringTest;
import org.vigil.audit.AuditApi.FindingView;
import org.vigil.breach.events.ExerciseGap;
import org.vigil.breach.events.ExerciseReported;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.ActionSummary;
import org.vigil.correctiveaction.CorrectiveActionProcess;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.platform.JsonListVariables;

/**
 * Process test for processes/internal-audit.bpmn on the test clock (Monday 2 March 2026, 09:00 EST): the programme's
 * timers over a year, the CISO's start, the independence check, and every path to the close: no findings, findings
 * with responses, reminders and escalations, corrective actions whose closing ends the follow-up.
 */
@VigilSpringTest
class InternalAuditProcessTest {

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Audits audits;
    @Autowired InternalAuditProcess process;
    @Autowired AuditCatalog catalog;
    @Autowired CorrectiveActions actions;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void engineAndAnAuditorOfItOperations() {
        BpmnAwareTests.init(engine);
        createUser("auditor-ops", "auditors", "it-operations");
    }

    // ---------------------------------------------------------------- starting

    @Test
    void aYearOfTheProgrammeStartsOneComprehensiveAndFourFocusedAuditsOnTheFirstWorkingDays() {
        Job comprehensive = startTimer(InternalAuditProcess.KEY, InternalAuditProcess.StartEvent_ComprehensiveAuditDue);
        Job focused = startTimer(InternalAuditProcess.SCHEDULE_KEY, InternalAuditProcess.StartEvent_FocusedAuditDue);
        clock.moveTo("2026-12-31T12:00:00-05:00");
        management.recalculateJobDuedate(comprehensive.getId(), false);
        management.recalculateJobDuedate(focused.getId(), false);
        assertThat(dueDate(comprehensive)).isEqualTo(instant("2027-01-01T00:05:00-05:00"));
        assertThat(dueDate(focused)).isEqualTo(instant("2027-01-01T00:05:00-05:00"));

        // 1 January 2027: both fire; New Year's Day is a holiday, then the weekend: both wait for Monday 4 January, 09:00.
        clock.moveTo("2027-01-01T00:05:00-05:00");
        ProcessInstance yearly = fire(InternalAuditProcess.KEY, comprehensive, InternalAuditProcess.Event_FirstWorkingDayComprehensive);
        ProcessInstance q1 = fire(InternalAuditProcess.SCHEDULE_KEY, focused, InternalAuditProcess.Event_FirstWorkingDay);
        assertThat(timer(yearly, InternalAuditProcess.Event_FirstWorkingDayComprehensive).getDuedate().toInstant())
                .isEqualTo(instant("2027-01-04T09:00:00-05:00"));
        assertThat(timer(q1, InternalAuditProcess.Event_FirstWorkingDay).getDuedate().toInstant())
                .isEqualTo(instant("2027-01-04T09:00:00-05:00"));
        assertThat(runtime.getVariable(yearly.getId(), "auditKind")).isEqualTo("comprehensive");

        // On the first working day the audits open with the programme's scope for 2027, its first year.
        clock.moveTo("2027-01-04T09:00:00-05:00");
        management.executeJob(timer(yearly, InternalAuditProcess.Event_FirstWorkingDayComprehensive).getId());
        EngineJobs.runAt(management, yearly.getId(), InternalAuditProcess.Task_OpenAudit);
        var opened = audits.audit(auditOf(yearly));
        assertThat(opened.kind()).isEqualTo("comprehensive");
        assertThat(opened.programmeYear()).isEqualTo(2027);
        assertThat(opened.scope()).isEqualTo(catalog.scopeOf("comprehensive", 2027)).contains("isms-improvement", "asset-information");
        assertThat(yearly).isWaitingAt(InternalAuditProcess.Task_PlanAudit);
        // 10 working days after Monday 4 January; Martin Luther King Day (18 January) does not count.
        assertThat(task(yearly).getName()).isEqualTo("Plan audit " + opened.id() + " (comprehensive), due Tue 19 Jan 2027");
        List<ProcessInstance> audited = new ArrayList<>(List.of(yearly));
        audited.add(focusedAuditOf(q1));
        var firstQuarter = audits.audit(auditOf(audited.get(1)));
        assertThat(firstQuarter.kind()).isEqualTo("focused");
        assertThat(firstQuarter.scope()).containsExactly("access-management", "incident-response");
        assertThat(firstQuarter.programmeQuarter()).isEqualTo(1);
        // A re-run of the schedule's job starts no second audit.
        assertThat(process.startScheduled("focused", q1.getId())).isEqualTo(audited.get(1).getId());

        // The focused audits of the other quarters, each at 00:05 on the quarter's first day, then its first working day.
        for (String[] quarter : new String[][] {
                {"2027-04-01T00:05:00-04:00", "2027-04-01T09:00:00-04:00"},
                {"2027-07-01T00:05:00-04:00", "2027-07-01T09:00:00-04:00"},
                {"2027-10-01T00:05:00-04:00", "2027-10-01T09:00:00-04:00"}}) {
            Job next = startTimer(InternalAuditProcess.SCHEDULE_KEY, InternalAuditProcess.StartEvent_FocusedAuditDue);
            assertThat(dueDate(next)).isEqualTo(instant(quarter[0]));
            assertThat(startTimer(InternalAuditProcess.KEY, InternalAuditProcess.StartEvent_ComprehensiveAuditDue).getDuedate().toInstant())
                    .as("the next comprehensive audit").isEqualTo(instant("2028-01-01T00:05:00-05:00"));
            clock.moveTo(quarter[0]);
            ProcessInstance schedule = fire(InternalAuditProcess.SCHEDULE_KEY, next, InternalAuditProcess.Event_FirstWorkingDay);
            assertThat(timer(schedule, InternalAuditProcess.Event_FirstWorkingDay).getDuedate().toInstant()).isEqualTo(instant(quarter[1]));
            clock.moveTo(quarter[1]);
            audited.add(focusedAuditOf(schedule));
        }
        assertThat(audited).extracting(i -> audits.audit(auditOf(i)).kind())
                .containsExactly("comprehensive", "focused", "focused", "focused", "focused");
        assertThat(audited.subList(1, 5)).extracting(i -> audits.audit(auditOf(i)).programmeQuarter()).containsExactly(1, 2, 3, 4);
        audited.forEach(i -> runtime.deleteProcessInstance(i.getId(), "test: only the programme's timers are under test"));
    }

    /** The schedule's wait for the first working day fires and the focused audit it starts opens; that audit's instance. */
    private ProcessInstance focusedAuditOf(ProcessInstance schedule) {
        management.executeJob(timer(schedule, InternalAuditProcess.Event_FirstWorkingDay).getId());
        EngineJobs.runAt(management, schedule.getId(), InternalAuditProcess.Task_RequestFocusedAudit);
        assertThat(schedule).isEnded().hasPassed(InternalAuditProcess.EndEvent_FocusedAuditStarted);
        ProcessInstance audit = runtime.createProcessInstanceQuery().processDefinitionKey(InternalAuditProcess.KEY)
                .variableValueEquals("scheduledBy", schedule.getId()).singleResult();
        assertThat(runtime.getVariable(audit.getId(), "auditKind")).isEqualTo("focused");
        EngineJobs.runAt(management, audit.getId(), InternalAuditProcess.Task_OpenAudit);
        assertThat(audit).isWaitingAt(InternalAuditProcess.Task_PlanAudit);
        return audit;
    }

    @Test
    void theCisoStartsAnAuditByHandAndStaffMayNot() {
        assertThatThrownBy(() -> audits.requestAudit("staff", "ad-hoc", List.of("access-management")))
                .isInstanceOf(AuditRefusedException.class).hasMessageContaining("Only the CISO");
        assertThatThrownBy(() -> audits.requestAudit("ciso", "ad-hoc", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("areas:");
        assertThatThrownBy(() -> audits.requestAudit("ciso", "ad-hoc", List.of("no-such-area")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("areas: no-such-area");

        ProcessInstance instance = requested("access-management");
        var audit = audits.audit(auditOf(instance));
        assertThat(audit.kind()).isEqualTo("ad-hoc");
        assertThat(audit.scope()).containsExactly("access-management");
        assertThat(audit.createdBy()).isEqualTo("ciso");
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_PlanAudit);
        Task plan = task(instance);
        // 10 working days after Monday 2 March: Monday 16 March, at the close of work (daylight time by then).
        assertThat(plan.getDueDate().toInstant()).isEqualTo(instant("2026-03-16T17:00:00-04:00"));
        assertThat(plan.getName()).isEqualTo("Plan audit " + audit.id() + " (ad-hoc), due Mon 16 Mar 2026");
        assertThat(tasks.getIdentityLinksForTask(plan.getId())).anyMatch(link -> "auditors".equals(link.getGroupId()));
        assertThat(JsonListVariables.rowsOf(runtime.getVariableTyped(instance.getId(), InternalAuditVariables.SCOPE_AREAS, false), "scopeAreas"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("area", "access-management").containsEntry("ownerGroup", "it-operations"));
    }

    @Test
    void nobodyAuditsTheirOwnGroupsArea() {
        ProcessInstance instance = requested("access-management", "incident-response");

        assertThatThrownBy(() -> completeAs("auditor", "auditors", instance, plan("auditor-ops", "auditor")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("auditor-ops belongs to it-operations, the owner group of area access-management");
        assertThatThrownBy(() -> completeAs("auditor", "auditors", instance, plan("auditor", "auditor-ops")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("auditor-ops belongs to it-operations");
        assertThatThrownBy(() -> completeAs("auditor", "auditors", instance, plan("sysadmin", "")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("leadAuditor: sysadmin is not a member of auditors");
        var bad = new HashMap<>(plan("auditor", ""));
        bad.put("plannedEnd", "2026-03-01");
        assertThatThrownBy(() -> completeAs("auditor", "auditors", instance, bad))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("plannedEnd:");
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_PlanAudit);

        completeAs("auditor", "auditors", instance, plan("auditor", ""));
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_PrepareChecklist);
        var planned = audits.audit(auditOf(instance));
        assertThat(planned.leadAuditor()).isEqualTo("auditor");
        assertThat(planned.status()).isEqualTo("CHECKLIST");
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("criteria", "leadAuditor", "scope", "scopeAreas");

        // After the plan, the audit's own tasks stay with its team: not handed to a member of an audited group, nor to
        // an auditor outside the team, nor done by them.
        String checklist = task(instance).getId();
        for (String outsider : List.of("privacy", "auditor-ops")) {
            assertThatThrownBy(() -> tasks.setAssignee(checklist, outsider))
                    .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
                    .hasMessageContaining(outsider + " is not on the team of audit " + planned.id());
        }
        assertThat(task(instance).getAssignee()).isEqualTo("auditor");
        // An auditor outside the team may work on the group's tasks as far as the engine knows; Vigil refuses.
        assertThatThrownBy(() -> completeAs("auditor-ops", "auditors", instance, Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("auditor-ops is not on the team of audit " + planned.id());
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_PrepareChecklist);
    }

    // ---------------------------------------------------------------- paths to the close

    @Test
    void anAuditWithoutFindingsClosesRightAfterTheFinalReport() {
        ProcessInstance instance = requested("access-management");
        long auditId = auditOf(instance);
        completeAs("auditor", "auditors", instance, plan("auditor", ""));

        // The checklist: the catalogue's questions, one reworded.
        assertThat(task(instance).getAssignee()).isEqualTo("auditor");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-09T17:00:00-04:00"));
        var rows = JsonListVariables.rowsOf(runtime.getVariableTyped(instance.getId(), InternalAuditVariables.CHECKLIST_ITEMS, false), "rows");
        assertThat(rows).extracting(row -> row.get("questionId"))
                .containsExactlyElementsOf(catalog.checklist(List.of("access-management")).stream().map(ChecklistQuestion::id).toList());
        completeAs("auditor", "auditors", instance, Map.of(InternalAuditVariables.CHECKLIST_ITEMS,
                JsonListVariables.jsonValue(List.of(Map.of("questionId", "AM-01", "text", "Is access to the EHR granted on a documented request?")))));
        assertThat(audits.detail(auditId).checklist().get(0).text()).isEqualTo("Is access to the EHR granted on a documented request?");

        // Fieldwork: a question left without a result is refused by name.
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_Fieldwork);
        assertThat(task(instance).getName()).isEqualTo("Fieldwork: audit " + auditId + ", due Fri 13 Mar 2026");
        var results = results(auditId, Map.of());
        results.remove(results.size() - 1);
        assertThatThrownBy(() -> completeAs("auditor", "auditors", instance, fieldwork(results)))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("has no result yet");
        completeAs("auditor", "auditors", instance, fieldwork(results(auditId, Map.of())));

        EngineJobs.runAt(management, instance.getId(), InternalAuditProcess.Task_RenderDraftReport);
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_FinalizeReport).hasNotPassed(InternalAuditProcess.Task_RespondToDraft);
        assertThatThrownBy(() -> completeAs("auditor", "auditors", instance, Map.of("reportApproved", false)))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("reportApproved:");
        completeAs("auditor", "auditors", instance, Map.of("reportApproved", true));
        EngineJobs.runAllOf(management, instance.getId());

        assertThat(instance).isEnded().hasPassed(InternalAuditProcess.Task_CloseAudit, InternalAuditProcess.EndEvent_AuditClosed)
                .hasNotPassed(InternalAuditProcess.Task_AwaitFindingsClosed);
        var closed = audits.detail(auditId);
        assertThat(closed.audit().closedAt()).isNotNull();
        assertThat(closed.reports()).extracting(r -> r.version() + " " + r.stage()).containsExactly("1 draft", "2 final");
        assertThat(closed.findings()).isEmpty();

        // Read-only once closed: the service refuses any change, naming the audit.
        assertThatThrownBy(() -> audits.editChecklist(auditId, List.of(new AuditApi.ChecklistEdit("AM-01", "x"))))
                .isInstanceOf(AuditClosedException.class).hasMessage("Audit " + auditId + " is closed: its record no longer changes");
        assertThatThrownBy(() -> audits.addEvidence(auditId, null, "late.txt", "text/plain", new byte[] {1}, "auditor"))
                .isInstanceOf(AuditClosedException.class);
    }

    @Test
    void findingsGoToTheAuditeesWithRemindersThenActionsAndTheAuditClosesWhenTheLastActionCloses() {
        ProcessInstance instance = requested("access-management", "incident-response");
        long auditId = auditOf(instance);
        completeAs("auditor", "auditors", instance, plan("auditor", ""));
        completeAs("auditor", "auditors", instance, Map.of());

        String major = catalog.checklist(List.of("access-management")).get(1).id();
        String observation = catalog.checklist(List.of("incident-response")).get(0).id();
        // A nonconformity without evidence is refused naming the question.
        assertThatThrownBy(() -> completeAs("auditor", "auditors", instance, fieldwork(results(auditId, Map.of(major, result("major", null, null))))))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("evidenceNotes: " + major + " is a major nonconformity");
        clock.moveTo("2026-03-13T15:00:00-04:00");
        completeAs("auditor", "auditors", instance, fieldwork(results(auditId, Map.of(
                major, result("major", "Leavers keep EHR access for weeks", "/api/access-reviews/campaigns/3/report"),
                observation, result("observation", "Call tree not tested this year", null)))));
        assertThat(runtime.getVariable(instance.getId(), "findingCount")).isEqualTo(2);
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKey(InternalAuditVariables.FIELDWORK_ITEMS);

        EngineJobs.runAt(management, instance.getId(), InternalAuditProcess.Task_RenderDraftReport);
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_RespondToDraft);
        List<Task> responses = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(InternalAuditProcess.Task_RespondToDraft).orderByTaskName().asc().list();
        assertThat(responses).extracting(Task::getName).containsExactly(
                "Respond to the draft report: audit " + auditId + ", it-operations, due Fri 27 Mar 2026",
                "Respond to the draft report: audit " + auditId + ", privacy-office, due Fri 27 Mar 2026");
        // 10 working days after Friday 13 March, at the close of work; the reminder 3 working days earlier, at 09:00.
        assertThat(responses.get(0).getDueDate().toInstant()).isEqualTo(instant("2026-03-27T17:00:00-04:00"));
        assertThat(responses.get(0).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-24T09:00:00-04:00"));
        assertThat(tasks.getIdentityLinksForTask(responses.get(0).getId())).anyMatch(link -> "it-operations".equals(link.getGroupId()));

        List<Job> reminders = timers(instance, InternalAuditProcess.BoundaryEvent_ResponseReminderDue);
        assertThat(reminders).hasSize(2).allSatisfy(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(instant("2026-03-24T09:00:00-04:00")));
        clock.moveTo("2026-03-24T09:00:00-04:00");
        reminders.forEach(job -> management.executeJob(job.getId()));
        EngineJobs.runAt(management, instance.getId(), InternalAuditProcess.Task_RemindAuditee);
        assertThat(mailTo("audit:" + auditId + ":it-operations:response-reminder")).contains("sysadmin@vigil.example");
        assertThat(mailTo("audit:" + auditId + ":privacy-office:response-reminder")).isEqualTo("privacy@vigil.example");

        // IT operations respond in time; the privacy office does not, and the CISO and the auditors hear of it.
        completeAs("sysadmin", "it-operations", responses.get(0), Map.of("phiResponse", "Agreed: leavers' access goes on the day"));
        List<Job> overdue = timers(instance, InternalAuditProcess.BoundaryEvent_ResponseOverdue);
        assertThat(overdue).singleElement().satisfies(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(instant("2026-03-27T17:00:00-04:00")));
        clock.moveTo("2026-03-27T17:00:00-04:00");
        management.executeJob(overdue.get(0).getId());
        EngineJobs.runAt(management, instance.getId(), InternalAuditProcess.Task_EscalateOverdueResponse);
        assertThat(mailTo("audit:" + auditId + ":privacy-office:response-overdue")).contains("ciso@vigil.example").contains("auditor@vigil.example");
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_RespondToDraft);
        completeAs("privacy", "privacy-office", responses.get(1), Map.of("phiResponse", "We will test the call tree in April"));
        assertThat(audits.detail(auditId).responses()).extracting(AuditApi.ResponseView::ownerGroup).containsExactly("it-operations", "privacy-office");

        // The final report, then one corrective action: the major nonconformity (the observation was not marked).
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_FinalizeReport);
        completeAs("auditor", "auditors", instance, Map.of("reportApproved", true));
        EngineJobs.runAllOf(management, instance.getId());
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_AwaitFindingsClosed);
        FindingView finding = findingOf(auditId, major);
        assertThat(finding.kind()).isEqualTo("major");
        assertThat(findingOf(auditId, observation).status()).isEqualTo("NO_ACTION");
        ActionSummary action = actions.summary(finding.correctiveActionId()).orElseThrow();
        assertThat(action.source()).isEqualTo(new ActionSource(ActionSource.AUDIT_FINDING, "audit:" + auditId + ":finding:" + finding.id()));
        assertThat(action.severity()).isEqualTo("major");
        assertThat(action.ownerGroup()).isEqualTo("it-operations");
        assertThat(actions.bySource(ActionSource.AUDIT_FINDING, "audit:" + auditId + ":")).hasSize(1);

        // Once a month the owners of the open findings and the auditors are reminded.
        Job followUp = timer(instance, InternalAuditProcess.BoundaryEvent_FollowUpDue);
        assertThat(followUp.getDuedate().toInstant()).isEqualTo(instant("2026-04-27T17:00:00-04:00"));
        clock.moveTo("2026-04-27T17:00:00-04:00");
        management.executeJob(followUp.getId());
        EngineJobs.runAt(management, instance.getId(), InternalAuditProcess.Task_FollowUpFindings);
        assertThat(mailTo("audit:" + auditId + ":follow-up:2026-04")).contains("sysadmin@vigil.example").contains("auditor@vigil.example");
        assertThat(instance).isWaitingAt(InternalAuditProcess.Task_AwaitFindingsClosed);
        assertThat(timer(instance, InternalAuditProcess.BoundaryEvent_FollowUpDue).getDuedate().toInstant())
                .as("the next month's follow-up").isEqualTo(instant("2026-05-27T17:00:00-04:00"));

        // The action runs its course and is found effective by the auditors: the finding closes, then the audit.
        closeAction(action.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery().processInstanceId(instance.getId())
                .activityId(InternalAuditProcess.Task_CloseAudit).count() == 1);
        EngineJobs.runAt(management, instance.getId(), InternalAuditProcess.Task_CloseAudit);
        assertThat(instance).isEnded().hasPassed(InternalAuditProcess.EndEvent_AuditClosed);
        assertThat(findingOf(auditId, major).status()).isEqualTo("CLOSED");
        assertThat(audits.audit(auditId).closedAt()).isNotNull();
    }

    @Test
    void aFindingOnTheSameQuestionAsAnEarlierAuditsRepeatsItAndAMarkedObservationGetsAnImprovementAction() {
        String question = catalog.checklist(List.of("access-management")).get(2).id();
        long first = throughTheFinalReport(Map.of(question, result("minor", "Privileged accounts reviewed only yearly", null)));
        FindingView earlier = findingOf(first, question);
        String observation = catalog.checklist(List.of("access-management")).get(3).id();

        long second = throughTheFinalReport(Map.of(question, result("major", "Privileged accounts still reviewed only yearly", null),
                observation, new LinkedHashMap<>(Map.of("result", "improvement", "evidenceNotes", "Could use the PAM's own report",
                        "raiseAction", true))));
        FindingView repeat = findingOf(second, question);
        assertThat(repeat.repeatOf()).isEqualTo(earlier.id());
        assertThat(actions.summary(repeat.correctiveActionId()).orElseThrow().repeatOf()).isEqualTo(earlier.correctiveActionId());
        FindingView improvement = findingOf(second, observation);
        assertThat(actions.summary(improvement.correctiveActionId()).orElseThrow().severity()).isEqualTo("improvement");
    }

    @Test
    void theGapsOfAnExerciseRunForTheAuditBecomeMinorFindingsOfIt() {
        ProcessInstance instance = requested("incident-response");
        long auditId = auditOf(instance);
        var reported = new ExerciseReported(424_242L, auditId, "ransomware-ehr", clock.now(), clock.now(), List.of(
                new ExerciseGap("triage", Duration.ofHours(4), Duration.ofHours(6)), new ExerciseGap("first-notice", Duration.ofDays(5), null)));
        transactions.executeWithoutResult(status -> events.publishEvent(reported));
        await().atMost(Duration.ofSeconds(20)).until(() -> audits.detail(auditId).findings().size() == 2);
        transactions.executeWithoutResult(status -> events.publishEvent(reported));

        var findings = audits.detail(auditId).findings();
        assertThat(findings).extracting(FindingView::kind).containsOnly("minor");
        assertThat(findings).extracting(FindingView::ownerGroup).containsOnly("privacy-office");
        assertThat(findings).extracting(FindingView::source).containsExactly("exercise:424242:gap:1", "exercise:424242:gap:2");
        assertThat(findings.get(0).description()).contains("step triage took 6 h 0 min against a target of 4 h 0 min", "/api/exercises/424242/report");
        assertThat(findings.get(1).description()).contains("step first-notice was never reached");
    }

    @Test
    void anExerciseReportedForAnAuditThatDoesNotExistKeepsItsGapsAsCorrectiveActions() {
        var reported = new ExerciseReported(434_343L, 987_654_321L, "lost-laptop", clock.now(), clock.now(), List.of(
                new ExerciseGap("containment", Duration.ofHours(24), Duration.ofHours(30))));
        transactions.executeWithoutResult(status -> events.publishEvent(reported));

        await().atMost(Duration.ofSeconds(20)).until(() -> !actions.bySource(ActionSource.EXERCISE_GAP, "exercise:434343:").isEmpty());
        var gap = actions.bySource(ActionSource.EXERCISE_GAP, "exercise:434343:").get(0);
        assertThat(gap.source().reference()).isEqualTo("exercise:434343:gap:1");
        assertThat(gap.severity()).isEqualTo("minor");
        assertThat(gap.ownerGroup()).isEqualTo("privacy-office");
    }

    // ---------------------------------------------------------------- helpers

    /** An audit the CISO asks for on these areas, opened and waiting for its plan. */
    private ProcessInstance requested(String... areas) {
        String id = audits.requestAudit("ciso", "ad-hoc", List.of(areas));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        EngineJobs.runAt(management, id, InternalAuditProcess.Task_OpenAudit);
        auditOf(instance);
        return instance;
    }

    /** An audit of access management through its final report and actions, with these results (else conforming). */
    private long throughTheFinalReport(Map<String, Map<String, Object>> results) {
        ProcessInstance instance = requested("access-management");
        long auditId = auditOf(instance);
        completeAs("auditor", "auditors", instance, plan("auditor", ""));
        completeAs("auditor", "auditors", instance, Map.of());
        completeAs("auditor", "auditors", instance, fieldwork(results(auditId, results)));
        EngineJobs.runAt(management, instance.getId(), InternalAuditProcess.Task_RenderDraftReport);
        for (Task response : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(InternalAuditProcess.Task_RespondToDraft).list()) {
            completeAs("sysadmin", "it-operations", response, Map.of("phiResponse", "Agreed"));
        }
        completeAs("auditor", "auditors", instance, Map.of("reportApproved", true));
        EngineJobs.runAllOf(management, instance.getId());
        return auditId;
    }

    private Map<String, Object> plan(String lead, String team) {
        return Map.of("scope", String.join(", ", audits.audit(auditOfTask()).scope()), "criteria", "ISO/IEC 27001:2022 A.5.15-A.5.18; HIPAA 164.308(a)(4)",
                "leadAuditor", lead, "team", team, "plannedStart", "2026-03-09", "plannedEnd", "2026-03-13");
    }

    private long currentAudit;

    private long auditOfTask() {
        return currentAudit;
    }

    private static Map<String, Object> result(String result, String notes, String links) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("result", result);
        row.put("evidenceNotes", notes);
        row.put("evidenceLinks", links);
        return row;
    }

    /** A row per question of the audit's checklist: conforming unless {@code results} says otherwise. */
    private List<Map<String, Object>> results(long auditId, Map<String, Map<String, Object>> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var item : audits.detail(auditId).checklist()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("questionId", item.questionId());
            row.putAll(results.getOrDefault(item.questionId(), Map.of("result", "conforming")));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> fieldwork(List<Map<String, Object>> rows) {
        return Map.of(InternalAuditVariables.FIELDWORK_ITEMS, JsonListVariables.jsonValue(rows));
    }

    private FindingView findingOf(long auditId, String questionId) {
        return audits.detail(auditId).findings().stream().filter(f -> questionId.equals(f.questionId())).findFirst().orElseThrow();
    }

    private long auditOf(ProcessInstance instance) {
        currentAudit = ((Number) runtime.getVariable(instance.getId(), "auditId")).longValue();
        return currentAudit;
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void completeAs(String user, String group, ProcessInstance instance, Map<String, Object> variables) {
        completeAs(user, group, task(instance), variables);
    }

    private void completeAs(String user, String group, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Drives the corrective action through its steps to an effective check by the auditors. */
    private void closeAction(long actionId) {
        ProcessInstance action = runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + actionId).singleResult();
        completeAs("sysadmin", "it-operations", action, Map.of("correctionMade", "yes", "phiCorrection", "Leavers' accounts disabled"));
        completeAs("sysadmin", "it-operations", action, Map.of("phiRootCause", "HR does not tell IT", "rootCauseMethod", "five-whys",
                "similarElsewhere", "no"));
        String day = actions.summary(actionId).orElseThrow().dueAt().atZone(java.time.ZoneId.of("America/New_York")).toLocalDate().toString();
        completeAs("sysadmin", "it-operations", action, Map.of("phiActionPlan", "Leaver feed from HR", "actionOwner", "sysadmin", "planDueDate", day));
        completeAs("sysadmin", "it-operations", action, Map.of("phiEvidence", "Feed live"));
        Job wait = management.createJobQuery().processInstanceId(action.getId()).timers()
                .activityId(CorrectiveActionProcess.Timer_EffectivenessCheckDue).singleResult();
        clock.moveTo(wait.getDuedate().toInstant());
        management.executeJob(wait.getId());
        completeAs("auditor", "auditors", action, Map.of("verdict", "effective", "phiEffectivenessNotes", "No leaver kept access since"));
        EngineJobs.runAt(management, action.getId(), CorrectiveActionProcess.Task_CloseAction);
        assertThat(actions.summary(actionId).orElseThrow().status()).isEqualTo("CLOSED");
    }

    private Job startTimer(String processKey, String activityId) {
        Job job = management.createJobQuery().processDefinitionKey(processKey).timers().activityId(activityId).singleResult();
        assertThat(job).as("start timer " + activityId).isNotNull();
        return job;
    }

    /** Fires a start timer; returns the instance it started, waiting at {@code waitingAt}. */
    private ProcessInstance fire(String processKey, Job start, String waitingAt) {
        var before = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).activityIdIn(waitingAt).list()
                .stream().map(ProcessInstance::getId).toList();
        management.executeJob(start.getId());
        var after = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).activityIdIn(waitingAt).list();
        var started = after.stream().filter(i -> !before.contains(i.getId())).toList();
        assertThat(started).as("instances started by " + start.getId()).hasSize(1);
        return started.get(0);
    }

    private Job timer(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private List<Job> timers(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).list();
    }

    private java.time.Instant dueDate(Job job) {
        return management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().toInstant();
    }

    private String mailTo(String eventKey) {
        return jdbc.sql("SELECT recipients FROM outbound_mail WHERE event_key = ?").param(eventKey).query(String.class).single();
    }

    /** Users this test adds to a group; the other tests of the JVM share the database and mail the whole group. */
    private final List<String> createdUsers = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeCreatedUsers() {
        createdUsers.forEach(identity::deleteUser);
        createdUsers.clear();
    }

    private void createUser(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setEmail(id + "@vigil.example");
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
            createdUsers.add(id);
        }
    }
}
