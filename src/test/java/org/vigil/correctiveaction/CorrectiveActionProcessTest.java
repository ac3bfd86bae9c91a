package org.vigil.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vigil.TestClock.instant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.EngineJobs;
import org.vigil.TestClock;
import org.vigil.VigilSpringTest;
import org.vigil.notification.Notifications;

/**
 * Process test for processes/corrective-action.bpmn on the test clock: actions are raised at 09:00 on Monday 2 March
 * 2026 (EST). With seeds/correctiveaction/severity-policy.yaml a major action is due 30 days later at the close of
 * work, Wednesday 1 April 17:00 EDT, the owner group is reminded 7 days before, and the effectiveness check falls due
 * 30 days after the implementation, at 09:00 on a working day.
 */
@VigilSpringTest
@org.springframework.test.context.event.RecordApplicationEvents
class CorrectiveActionProcessTest {

    static final java.time.ZoneId ZONE = java.time.ZoneId.of("America/New_York");
    static final String MAJOR_DUE = "2026-04-01T17:00:00-04:00";
    static final String MAJOR_REMIND = "2026-03-25T17:00:00-04:00";

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CorrectiveActions actions;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.context.event.ApplicationEvents events;

    @BeforeEach
    void engineAssertions() {
        BpmnAwareTests.init(engine);
    }

    // ---------------------------------------------------------------- raising

    @Test
    void raisingRecordsTheActionEncryptedAndStartsItsProcessAtTheImmediateCorrection() {
        long id = raise("major", "it-operations", "Backup of the EHR export not tested since January");

        ProcessInstance instance = instanceOf(id);
        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Task_ImmediateCorrection);
        assertThat(instance.getBusinessKey()).isEqualTo("CA-" + id);
        Task task = taskOf(instance);
        assertThat(task.getName()).isEqualTo("Correct at once: action CA-" + id + " (major)");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> "it-operations".equals(link.getGroupId()));
        // Each step before the implementation is due within the severity's step term: 5 days, at the close of work.
        assertThat(task.getDueDate().toInstant()).isEqualTo(instant("2026-03-09T17:00:00-04:00"));

        var summary = actions.summary(id).orElseThrow();
        assertThat(events.stream(org.vigil.correctiveaction.events.CorrectiveActionRaised.class).filter(e -> e.actionId() == id))
                .singleElement().satisfies(raised -> {
                    assertThat(raised.sourceType()).isEqualTo(ActionSource.MANUAL);
                    assertThat(raised.dueAt()).isEqualTo(instant(MAJOR_DUE));
                    assertThat(raised.severity()).isEqualTo("major");
                });
        assertThat(summary.status()).isEqualTo("OPEN");
        assertThat(summary.dueAt()).isEqualTo(instant(MAJOR_DUE));
        assertThat(summary.raisedAt()).isEqualTo(clock.now());
        String stored = jdbc.sql("SELECT description FROM corrective_action WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("EHR");
        assertThat(runtime.getVariables(instance.getId()).values()).noneMatch(value -> String.valueOf(value).contains("EHR"));
    }

    @Test
    void raisingTheSameSourceAgainGivesTheFirstActionAndStartsNothing() {
        var source = new ActionSource(ActionSource.AUDIT_FINDING, "audit:" + UUID.randomUUID() + ":finding:1");
        long first = actions.raise(new RaiseAction(source, "minor", "managers", "Supplier list out of date", "auditor", null, false));
        long again = actions.raise(new RaiseAction(source, "minor", "managers", "Supplier list out of date", "auditor", null, false));

        assertThat(again).isEqualTo(first);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + first).count()).isEqualTo(1);
        assertThat(actions.bySource(ActionSource.AUDIT_FINDING, source.reference().substring(0, 20))).extracting(ActionSummary::id)
                .containsExactly(first);
    }

    @Test
    void anAuditFindingIsCheckedByTheAuditorsAndARepeatKeepsItsLink() {
        String audit = "audit:" + UUID.randomUUID();
        long earlier = actions.raise(new RaiseAction(new ActionSource(ActionSource.AUDIT_FINDING, audit + ":finding:1"), "major",
                "it-operations", "Firewall rules not reviewed", "auditor", null, false));
        long repeat = actions.raise(new RaiseAction(new ActionSource(ActionSource.AUDIT_FINDING, audit + ":finding:2"), "major",
                "it-operations", "Firewall rules not reviewed, again", "auditor", earlier, false));

        assertThat(actions.summary(repeat).orElseThrow().repeatOf()).isEqualTo(earlier);
        assertThat(actions.summary(earlier).orElseThrow().repeatOf()).isNull();
        assertThat(actions.bySource(ActionSource.AUDIT_FINDING, audit + ":")).extracting(ActionSummary::id).containsExactly(earlier, repeat);
        assertThat(runtime.getVariable(instanceOf(repeat).getId(), "checkerGroup")).isEqualTo("auditors");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> raise("critical", "it-operations", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("severity:");
        assertThatThrownBy(() -> raise("major", "nobody", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ownerGroup:");
        assertThatThrownBy(() -> raise("major", "it-operations", "  ")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("description:");
        assertThatThrownBy(() -> actions.raise(new RaiseAction(new ActionSource(ActionSource.MANUAL, "manual:" + UUID.randomUUID()), "major",
                "it-operations", "x", "ciso", 999_999_999L, false))).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("repeatOf:");
    }

    // ---------------------------------------------------------------- the steps

    @Test
    void anEffectiveActionClosesAfterTheWaitingPeriodAndTellsTheOthers() {
        long id = raise("major", "it-operations", "Backups not tested");
        ProcessInstance instance = instanceOf(id);

        correctAndAnalyse(instance, "sysadmin");
        completeAs("sysadmin", "it-operations", instance, Map.of("phiActionPlan", "Monthly restore test", "actionOwner", "sysadmin",
                "planDueDate", "2026-03-31"));
        assertThat(actions.summary(id).orElseThrow().status()).isEqualTo("PLANNED");
        assertThat(actions.summary(id).orElseThrow().owner()).isEqualTo("sysadmin");
        assertThat(actions.summary(id).orElseThrow().dueAt()).isEqualTo(instant("2026-03-31T17:00:00-04:00"));
        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Task_ImplementAction);
        assertThat(taskOf(instance).getAssignee()).as("the implementation goes to the owner").isEqualTo("sysadmin");
        assertThat(taskOf(instance).getName()).isEqualTo("Implement the action: CA-" + id + " (major), due Tue 31 Mar 2026");

        clock.moveTo("2026-03-20T11:00:00-04:00");
        completeAs("sysadmin", "it-operations", instance, Map.of("phiEvidence", "Restore tested on 20 March", "phiEvidenceLinks", "https://tickets/42"));
        assertThat(actions.summary(id).orElseThrow().status()).isEqualTo("IMPLEMENTED");
        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Timer_EffectivenessCheckDue);
        Job wait = timer(instance, CorrectiveActionProcess.Timer_EffectivenessCheckDue);
        // 30 days after Friday 20 March is Sunday 19 April: the check falls due at 09:00 on Monday 20 April.
        assertThat(wait.getDuedate().toInstant()).isEqualTo(instant("2026-04-20T09:00:00-04:00"));

        clock.moveTo("2026-04-20T09:00:00-04:00");
        management.executeJob(wait.getId());
        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Task_CheckEffectiveness);
        assertThat(actions.summary(id).orElseThrow().status()).isEqualTo("VERIFYING");
        assertThat(tasks.getIdentityLinksForTask(taskOf(instance).getId())).anyMatch(link -> "ciso".equals(link.getGroupId()));

        completeAs("ciso", "ciso", instance, Map.of("verdict", "effective", "phiEffectivenessNotes", "No failed restore since"));
        EngineJobs.runAt(management, instance.getId(), CorrectiveActionProcess.Task_CloseAction);

        assertThat(instance).isEnded().hasPassed(CorrectiveActionProcess.EndEvent_ActionClosed);
        var closed = actions.summary(id).orElseThrow();
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.closedAt()).isEqualTo(instant("2026-04-20T09:00:00-04:00"));
        assertThat(events.stream(org.vigil.correctiveaction.events.CorrectiveActionClosed.class).filter(e -> e.actionId() == id))
                .singleElement().satisfies(event -> {
                    assertThat(event.closedAt()).isEqualTo(instant("2026-04-20T09:00:00-04:00"));
                    assertThat(event.raisedAt()).isEqualTo(instant(TestClock.MONDAY_MORNING));
                    assertThat(event.sourceType()).isEqualTo(ActionSource.MANUAL);
                });
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list()).isEmpty();
        assertThat(jdbc.sql("SELECT retain_until FROM corrective_action WHERE id = ?").param(id).query(java.time.LocalDate.class).single())
                .isEqualTo(java.time.LocalDate.parse("2032-04-20"));
    }

    @Test
    void anActionFoundNotEffectiveReopensAtTheRootCauseWithANewDueDateAndThenCloses() {
        long id = raise("minor", "it-operations", "Laptop encryption missing on two devices");
        ProcessInstance instance = instanceOf(id);
        implemented(instance, "sysadmin", "2026-05-29");

        fireEffectivenessCheck(instance);
        completeAs("ciso", "ciso", instance, Map.of("verdict", "not-effective", "phiEffectivenessNotes", "A third laptop found unencrypted"));
        EngineJobs.runAt(management, instance.getId(), CorrectiveActionProcess.Task_ReopenAction);

        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Task_AnalyseRootCause);
        var reopened = actions.summary(id).orElseThrow();
        assertThat(reopened.status()).isEqualTo("REOPENED");
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(events.stream(org.vigil.correctiveaction.events.EffectivenessCheckFailed.class).filter(e -> e.actionId() == id))
                .singleElement().satisfies(event -> assertThat(event.reopenCount()).isEqualTo(1));
        // Reopened at the check's time: a minor action is due 90 days later, at the close of a working day.
        var checkedAt = clock.now();
        assertThat(reopened.dueAt()).isAfter(checkedAt.plus(java.time.Duration.ofDays(89)));
        assertThat(timer(instance, CorrectiveActionProcess.BoundaryEvent_ActionOverdue).getDuedate().toInstant()).isEqualTo(reopened.dueAt());

        completeAs("sysadmin", "it-operations", instance, Map.of("phiRootCause", "No inventory of laptops", "rootCauseMethod", "fishbone",
                "similarElsewhere", "no"));
        completeAs("sysadmin", "it-operations", instance, Map.of("phiActionPlan", "Inventory and MDM", "actionOwner", "sysadmin",
                "planDueDate", reopened.dueAt().atZone(ZONE).toLocalDate().toString()));
        completeAs("sysadmin", "it-operations", instance, Map.of("phiEvidence", "MDM enforces encryption"));
        fireEffectivenessCheck(instance);
        completeAs("ciso", "ciso", instance, Map.of("verdict", "effective", "phiEffectivenessNotes", "All laptops encrypted"));
        EngineJobs.runAt(management, instance.getId(), CorrectiveActionProcess.Task_CloseAction);

        assertThat(instance).isEnded();
        assertThat(actions.summary(id).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(actions.summary(id).orElseThrow().reopenCount()).isEqualTo(1);
    }

    @Test
    void aStepIsHandedOnlyToAMemberOfTheGroupThatHoldsIt() {
        long id = raise("major", "it-operations", "Shared admin account on the EHR database");
        ProcessInstance instance = instanceOf(id);
        String correction = taskOf(instance).getId();

        assertThatThrownBy(() -> tasks.setAssignee(correction, "staff"))
                .hasRootCauseInstanceOf(AuthorizationException.class)
                .hasMessageContaining("staff is not a member of it-operations, who hold this step of action CA-" + id);
        assertThat(taskOf(instance).getAssignee()).isNull();
        tasks.setAssignee(correction, "sysadmin");
        assertThat(taskOf(instance).getAssignee()).isEqualTo("sysadmin");
    }

    @Test
    void theOwnerOrTheImplementerMayNotCheckEffectiveness() {
        long id = raise("improvement", "ciso", "Policy review reminders");
        ProcessInstance instance = instanceOf(id);
        implemented(instance, "ciso", null);
        fireEffectivenessCheck(instance);

        assertThatThrownBy(() -> completeAs("ciso", "ciso", instance, Map.of("verdict", "effective", "phiEffectivenessNotes", "Fine")))
                .hasRootCauseInstanceOf(AuthorizationException.class)
                .hasMessageContaining("You own corrective action CA-" + id);
        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Task_CheckEffectiveness);

        // Someone else of the group checks it.
        createUser("ciso2", "ciso");
        completeAs("ciso2", "ciso", instance, Map.of("verdict", "effective", "phiEffectivenessNotes", "Reminders sent on time"));
        EngineJobs.runAt(management, instance.getId(), CorrectiveActionProcess.Task_CloseAction);
        assertThat(instance).isEnded();
    }

    @Test
    void theImplementerIsRefusedAsCheckerToo() {
        createUser("ciso3", "ciso");
        long id = raise("improvement", "ciso", "Awareness quiz");
        ProcessInstance instance = instanceOf(id);
        correctAndAnalyse(instance, "ciso");
        completeAs("ciso", "ciso", instance, Map.of("phiActionPlan", "Quarterly quiz", "actionOwner", "ciso",
                "planDueDate", actions.summary(id).orElseThrow().dueAt().atZone(ZONE).toLocalDate().toString()));
        completeAs("ciso3", "ciso", instance, Map.of("phiEvidence", "Quiz sent"));
        fireEffectivenessCheck(instance);

        assertThatThrownBy(() -> completeAs("ciso3", "ciso", instance, Map.of("verdict", "effective", "phiEffectivenessNotes", "Fine")))
                .hasRootCauseInstanceOf(AuthorizationException.class)
                .hasMessageContaining("You implemented corrective action CA-" + id);
    }

    @Test
    void stepsRefuseMissingAnswersNamingTheField() {
        long id = raise("major", "it-operations", "Shared admin account");
        ProcessInstance instance = instanceOf(id);

        assertThatThrownBy(() -> completeAs("sysadmin", "it-operations", instance, Map.of("correctionMade", "yes")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("(phiCorrection)");
        completeAs("sysadmin", "it-operations", instance, Map.of("correctionMade", "none", "phiCorrection", "Account needed until migration"));
        assertThatThrownBy(() -> completeAs("sysadmin", "it-operations", instance, Map.of("phiRootCause", "Legacy tool",
                "rootCauseMethod", "five-whys", "similarElsewhere", "yes")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("(phiSimilarWhere)");
        completeAs("sysadmin", "it-operations", instance, Map.of("phiRootCause", "Legacy tool", "rootCauseMethod", "five-whys",
                "similarElsewhere", "yes", "phiSimilarWhere", "Billing system"));

        // A later due date than the policy's needs a reason; the owner must be of the owner group.
        assertThatThrownBy(() -> completeAs("sysadmin", "it-operations", instance, Map.of("phiActionPlan", "Named accounts",
                "actionOwner", "sysadmin", "planDueDate", "2026-05-15")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("(phiLaterDueReason)").hasMessageContaining("2026-04-01");
        assertThatThrownBy(() -> completeAs("sysadmin", "it-operations", instance, Map.of("phiActionPlan", "Named accounts",
                "actionOwner", "manager", "planDueDate", "2026-03-30")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("(actionOwner)");
        completeAs("sysadmin", "it-operations", instance, Map.of("phiActionPlan", "Named accounts", "actionOwner", "sysadmin",
                "planDueDate", "2026-05-15", "phiLaterDueReason", "Vendor release in May"));

        assertThat(actions.summary(id).orElseThrow().dueAt()).isEqualTo(instant("2026-05-15T17:00:00-04:00"));
        assertThat(runtime.getVariables(instance.getId()).keySet()).noneMatch(name -> name.startsWith("phi"));
        String reason = jdbc.sql("SELECT due_reason FROM corrective_action WHERE id = ?").param(id).query(String.class).single();
        assertThat(reason).startsWith("v1:");
    }

    // ---------------------------------------------------------------- timers

    @Test
    void theOwnerGroupIsRemindedBeforeTheDueDateAndTheCisoHearsWhenItPasses() {
        long id = raise("major", "it-operations", "Patch backlog");
        ProcessInstance instance = instanceOf(id);
        correctAndAnalyse(instance, "sysadmin");
        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Task_PlanAction);

        Job reminder = timer(instance, CorrectiveActionProcess.BoundaryEvent_ActionDueSoon);
        Job overdue = timer(instance, CorrectiveActionProcess.BoundaryEvent_ActionOverdue);
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(instant(MAJOR_REMIND));
        assertThat(overdue.getDuedate().toInstant()).isEqualTo(instant(MAJOR_DUE));

        clock.moveTo(MAJOR_REMIND);
        management.executeJob(reminder.getId());
        EngineJobs.runAt(management, instance.getId(), CorrectiveActionProcess.Task_RemindOwner);
        assertThat(instance).hasPassed(CorrectiveActionProcess.EndEvent_OwnerReminded).isWaitingAt(CorrectiveActionProcess.Task_PlanAction);
        assertThat(mailQueued(ActionReminders.eventKey(id, 0, "reminder"))).isEqualTo("sysadmin@vigil.example");

        clock.moveTo(MAJOR_DUE);
        management.executeJob(overdue.getId());
        EngineJobs.runAt(management, instance.getId(), CorrectiveActionProcess.Task_EscalateOverdueAction);
        assertThat(instance).hasPassed(CorrectiveActionProcess.EndEvent_OverdueEscalated).isWaitingAt(CorrectiveActionProcess.Task_PlanAction);
        assertThat(mailQueued(ActionReminders.eventKey(id, 0, "overdue"))).contains("sysadmin@vigil.example").contains("ciso@vigil.example");
    }

    @Test
    void aPlannedDueDateMovesTheReminderAndTheOverdueTimers() {
        long id = raise("major", "it-operations", "Logging gaps");
        ProcessInstance instance = instanceOf(id);
        correctAndAnalyse(instance, "sysadmin");
        completeAs("sysadmin", "it-operations", instance, Map.of("phiActionPlan", "Central logging", "actionOwner", "sysadmin",
                "planDueDate", "2026-03-20"));

        assertThat(timer(instance, CorrectiveActionProcess.BoundaryEvent_ActionOverdue).getDuedate().toInstant())
                .isEqualTo(instant("2026-03-20T17:00:00-04:00"));
        assertThat(timer(instance, CorrectiveActionProcess.BoundaryEvent_ActionDueSoon).getDuedate().toInstant())
                .isEqualTo(instant("2026-03-13T17:00:00-04:00"));
    }

    // ---------------------------------------------------------------- helpers

    private long raise(String severity, String ownerGroup, String description) {
        return actions.raise(new RaiseAction(new ActionSource(ActionSource.MANUAL, "manual:" + UUID.randomUUID()), severity, ownerGroup,
                description, "ciso", null, false));
    }

    private ProcessInstance instanceOf(long actionId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(CorrectiveActionProcess.businessKey(actionId))
                .processDefinitionKey(CorrectiveActionProcess.KEY).singleResult();
    }

    private Task taskOf(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private void completeAs(String user, String group, ProcessInstance instance, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(taskOf(instance).getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void correctAndAnalyse(ProcessInstance instance, String user) {
        String group = (String) runtime.getVariable(instance.getId(), "ownerGroup");
        completeAs(user, group, instance, Map.of("correctionMade", "yes", "phiCorrection", "Contained"));
        completeAs(user, group, instance, Map.of("phiRootCause", "No procedure", "rootCauseMethod", "five-whys", "similarElsewhere", "no"));
    }

    /** Through to the effectiveness check's timer; {@code dueDay} null keeps the policy's date. */
    private void implemented(ProcessInstance instance, String user, String dueDay) {
        String group = (String) runtime.getVariable(instance.getId(), "ownerGroup");
        correctAndAnalyse(instance, user);
        long id = (Long) runtime.getVariable(instance.getId(), "actionId");
        String day = dueDay != null ? dueDay : actions.summary(id).orElseThrow().dueAt().atZone(ZONE).toLocalDate().toString();
        completeAs(user, group, instance, Map.of("phiActionPlan", "Do it", "actionOwner", user, "planDueDate", day));
        completeAs(user, group, instance, Map.of("phiEvidence", "Done"));
    }

    private void fireEffectivenessCheck(ProcessInstance instance) {
        Job wait = timer(instance, CorrectiveActionProcess.Timer_EffectivenessCheckDue);
        clock.moveTo(wait.getDuedate().toInstant());
        management.executeJob(wait.getId());
        assertThat(instance).isWaitingAt(CorrectiveActionProcess.Task_CheckEffectiveness);
    }

    private String mailQueued(String eventKey) {
        return jdbc.sql("SELECT recipients FROM outbound_mail WHERE event_key = ?").param(eventKey).query(String.class).single();
    }

    /** Users this test adds to a group; the other tests of the JVM share the database and mail the whole group. */
    private final java.util.List<String> createdUsers = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeCreatedUsers() {
        createdUsers.forEach(identity::deleteUser);
        createdUsers.clear();
    }

    private void createUser(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setEmail(id + "@vigil.example");
            identity.saveUser(user);
            identity.createMembership(id, group);
            createdUsers.add(id);
        }
    }
}
