package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vigil.TestClock.instant;
import static org.vigil.accessreview.AccessReviewFixture.utf8;
import static org.vigil.accessreview.AccessReviewProcessFixture.itemOf;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.vigil.TestClock;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;
import org.vigil.accessreview.AccessReviewApi.BulkDecision;
import org.vigil.accessreview.AccessReviewApi.DecisionInput;
import org.vigil.accessreview.AccessReviewApi.ReviewItem;

/**
 * Process test for processes/access-review.bpmn, on the test clock: campaigns open at 09:00 on Monday 2 March 2026
 * (EST) and, with the defaults of {@link AccessReviewSettings}, are due 14 days later on the company's clock, remind
 * 7 days before and close 7 days after. The de-provisioning of what a campaign revokes, one access-revocation.bpmn
 * each, is {@link AccessRevocationProcessTest}'s.
 */
@VigilSpringTest
class AccessReviewProcessTest {

    /** 14 days after Monday 2 March 09:00 EST: 09:00 again, though daylight time began on 8 March (13 d 23 h elapsed). */
    static final String DUE = "2026-03-16T09:00:00-04:00";
    static final String REMIND = "2026-03-09T09:00:00-04:00";
    static final String CLOSES = "2026-03-23T09:00:00-04:00";

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired PhiSystemRegister register;
    @Autowired SnapshotImports imports;
    @Autowired ReviewDecisions decisions;
    @Autowired CampaignClosing closing;
    @Autowired ReviewFigures reviewFigures;
    @Autowired AccessReviewStore store;

    AccessReviewProcessFixture review;

    @BeforeEach
    void aSystemOfItsOwnWithRosterAndSnapshot() {
        BpmnAwareTests.init(engine);
        var today = OffsetDateTime.parse(TestClock.MONDAY_MORNING).toLocalDate();
        review = new AccessReviewProcessFixture(new AccessReviewFixture(today), runtime, tasks, management).imported(register, imports);
    }

    // ---------------------------------------------------------------- starting

    @Test
    void theQuarterlyTimerFiresAtNineOnTheFirstDayOfTheQuarterAndWaitsForTheFirstWorkingDay() {
        Job start = management.createJobQuery().processDefinitionKey(AccessReviewProcess.KEY).timers()
                .activityId(AccessReviewProcess.StartEvent_QuarterStarted).singleResult();
        assertThat(start).as("the quarterly start timer").isNotNull();
        // Its due date was set when the shared application deployed the model; worked out again from the test clock:
        clock.moveTo("2026-12-31T12:00:00-05:00");
        management.recalculateJobDuedate(start.getId(), false);
        assertThat(dueDate(start)).isEqualTo(instant("2027-01-01T09:00:00-05:00"));

        int before = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.KEY).list().size();
        clock.moveTo("2027-01-01T09:00:00-05:00");
        management.executeJob(start.getId());

        var started = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.KEY)
                .activityIdIn(AccessReviewProcess.Event_FirstWorkingDay).list();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.KEY).list()).hasSize(before + 1);
        assertThat(started).hasSize(1);
        // New Year's Day is a holiday of the company calendar, then comes the weekend: Monday 4 January, 09:00.
        Job wait = review.timer(started.get(0), AccessReviewProcess.Event_FirstWorkingDay);
        assertThat(wait.getDuedate().toInstant()).isEqualTo(instant("2027-01-04T09:00:00-05:00"));
        // The next quarter's timer is there again, at 09:00 on 1 April (daylight time).
        Job next = management.createJobQuery().processDefinitionKey(AccessReviewProcess.KEY).timers()
                .activityId(AccessReviewProcess.StartEvent_QuarterStarted).singleResult();
        assertThat(next).isNotNull();
        assertThat(next.getDuedate().toInstant()).isEqualTo(instant("2027-04-01T09:00:00-04:00"));
        runtime.deleteProcessInstance(started.get(0).getId(), "test: only the timer start is under test");

        // Fired late on a working day (a job executor that was down): 09:00 has passed, the campaign waits no more.
        clock.moveTo("2027-04-01T10:30:00-04:00");
        management.executeJob(next.getId());
        var late = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.KEY)
                .activityIdIn(AccessReviewProcess.Event_FirstWorkingDay).singleResult();
        assertThat(review.timer(late, AccessReviewProcess.Event_FirstWorkingDay).getDuedate().toInstant())
                .isEqualTo(instant("2027-04-01T10:30:00-04:00"));
        runtime.deleteProcessInstance(late.getId(), "test: only the timer start is under test");
    }

    @Test
    void aManagerStartsACampaignByHandAndItsSnapshotIsFrozen() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);

        // A later import of the system changes nothing in the running campaign.
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv", utf8(review.data.snapshotWithout("staff")), "test", "test");

        assertThat(decisions.items(campaignId, null)).extracting(ReviewItem::account).contains("staff");
        assertThat(decisions.items(campaignId, null)).hasSize(6);
        assertThat(store.campaignSnapshots(campaignId)).extracting(Rows.CampaignSnapshotRow::kind)
                .containsExactlyInAnyOrder("ROSTER", "ENTITLEMENTS");
        assertThat(instance).isWaitingAt(AccessReviewProcess.Task_ReviewAccess);
    }

    @Test
    void someoneWhoIsNotAManagerCannotStartACampaign() {
        ProcessInstance instance = review.startedBy("staff");

        assertThat(instance).isEnded().hasPassed(AccessReviewProcess.EndEvent_StartRefused);
        assertThat(store.campaignOfProcess(instance.getId())).isEmpty();
    }

    // ---------------------------------------------------------------- reviewers

    @Test
    void regularAccessGoesToTheManagerAndPrivilegedAccessToTheOwnerAndASecondReviewer() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        var items = decisions.items(campaignId, null);

        assertThat(itemOf(items, "staff").reviewer()).isEqualTo("manager");
        assertThat(itemOf(items, review.data.terminated).reviewer()).isEqualTo("manager");
        assertThat(itemOf(items, "manager").reviewer()).as("the manager's own access goes to their manager").isEqualTo("ciso");
        assertThat(itemOf(items, "orphan-7").reviewer()).as("no manager known: the system owner").isEqualTo("ciso");
        assertThat(items.stream().filter(i -> i.account().equals("sysadmin")))
                .extracting(ReviewItem::role, ReviewItem::reviewer)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("OWNER", "ciso"),
                        org.assertj.core.groups.Tuple.tuple("SECOND", "manager"));

        List<Task> reviewTasks = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(AccessReviewProcess.Task_ReviewAccess).list();
        assertThat(reviewTasks).extracting(Task::getAssignee).containsExactlyInAnyOrder("manager", "ciso");
        var campaign = store.campaign(campaignId).orElseThrow();
        assertThat(campaign.startedAt()).isEqualTo(instant(TestClock.MONDAY_MORNING));
        assertThat(campaign.dueAt()).isEqualTo(instant(DUE));
        assertThat(campaign.remindAt()).isEqualTo(instant(REMIND));
        assertThat(campaign.closesAt()).isEqualTo(instant(CLOSES));
        for (Task task : reviewTasks) {
            assertThat(task.getDueDate().toInstant()).isEqualTo(instant(DUE));
            assertThat(task.getFollowUpDate().toInstant()).isEqualTo(instant(REMIND));
            assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> "managers".equals(link.getGroupId()));
        }
    }

    @Test
    void everyItemCarriesItsRiskFlags() {
        long campaignId = review.campaignOf(review.startedBy("manager"));
        var items = decisions.items(campaignId, null);

        assertThat(itemOf(items, "staff").flags()).isEmpty();
        assertThat(itemOf(items, review.data.terminated).flags()).containsExactly("TERMINATED");
        assertThat(itemOf(items, "orphan-7").flags()).containsExactly("ORPHANED", "DORMANT");
        assertThat(itemOf(items, "sysadmin").flags()).containsExactly("PRIVILEGED");
    }

    @Test
    void aCampaignOfChangesOnlyHoldsWhatIsNewSinceTheLastOne() {
        ProcessInstance first = review.startedBy("manager");
        closeWithoutDecisions(first);
        String changed = review.data.snapshot() + review.data.system + ",newcomer,staff,manager,write,false," + review.data.today + "\n";
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv", utf8(changed), "test", "test");

        var vars = new HashMap<String, Object>(Map.of(AccessReviewVariables.STARTED_BY.name(), "manager", AccessReviewVariables.CHANGES_ONLY.name(), true,
                AccessReviewVariables.SYSTEM_IDS.name(), review.data.system));
        ProcessInstance second = review.requested(vars);
        review.runJob(second, AccessReviewProcess.Task_OpenCampaign);

        var items = decisions.items(review.campaignOf(second), null);
        assertThat(items).extracting(ReviewItem::account).containsExactly("newcomer");
        assertThat(items.get(0).flags()).contains("NEW");
    }

    @Test
    void aCampaignWithNothingToReviewClosesWithItsReport() {
        ProcessInstance first = review.startedBy("manager");
        closeWithoutDecisions(first);
        // Nothing changed since: a campaign of changes only has no item.
        var vars = new HashMap<String, Object>(Map.of(AccessReviewVariables.STARTED_BY.name(), "manager", AccessReviewVariables.CHANGES_ONLY.name(), true,
                AccessReviewVariables.SYSTEM_IDS.name(), review.data.system));
        ProcessInstance empty = review.requested(vars);
        review.runJob(empty, AccessReviewProcess.Task_OpenCampaign);
        long campaignId = review.campaignOf(empty);
        assertThat(decisions.items(campaignId, null)).isEmpty();

        review.runJob(empty, AccessReviewProcess.Task_CloseEmptyCampaign);

        assertThat(empty).isEnded().hasPassed(AccessReviewProcess.EndEvent_NothingToReview);
        assertThat(reviewFigures.figures(campaignId).status()).isEqualTo("CLOSED");
        assertThat(closing.report(campaignId)).contains("campaign " + campaignId);
    }

    // ---------------------------------------------------------------- the review form's rows

    @Test
    void theReviewTaskListsTheReviewersAccountsWithTheirFlagsFlaggedFirst() {
        ProcessInstance instance = review.startedBy("manager");
        Task managerTask = review.reviewTaskOf(instance, "manager");

        var rows = org.vigil.platform.JsonListVariables.rowsOf(
                tasks.getVariableTyped(managerTask.getId(), AccessReviewVariables.REVIEW_ITEMS, false), AccessReviewVariables.REVIEW_ITEMS);

        assertThat(rows).extracting(row -> row.get("account"))
                .containsExactly("sysadmin", review.data.terminated, "staff");
        assertThat(rows.get(0)).containsEntry("flags", "PRIVILEGED").containsEntry("entitlement", "admin (privileged)")
                .containsEntry("system", review.data.system).containsKey("item").containsKey("lastLogin");
        assertThat(rows.get(1).get("flags")).isEqualTo("TERMINATED");
        assertThat(rows.get(2)).containsEntry("flags", "none").containsEntry("decision", null);
    }

    @Test
    void theReviewerDecidesRowByRowAndInBulkAndARefusalNamesTheFormsLabelAndTheAccount() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        Task managerTask = review.reviewTaskOf(instance, "manager");
        var items = decisions.items(campaignId, "manager");
        long jdoe = itemOf(items, review.data.terminated).id();
        long sysadmin = itemOf(items, "sysadmin").id();

        // As Tasklist sends a dynamic list back: JSON rows of the fields a person fills in, the item id read-only.
        var withoutReason = List.<Map<String, ?>>of(row(jdoe, "revoke", ""), row(sysadmin, null, ""));
        assertThatThrownBy(() -> tasks.complete(managerTask.getId(), Map.of(AccessReviewVariables.REVIEW_ITEMS,
                org.vigil.platform.JsonListVariables.jsonValue(withoutReason))))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasMessageContaining("'Reason' of account " + review.data.terminated + " on " + review.data.system
                        + ": required to revoke access");
        assertThat(decisions.items(campaignId, "manager")).allSatisfy(item -> assertThat(item.decision()).isNull());

        var rows = List.<Map<String, ?>>of(row(jdoe, "revoke", "Left the company"), row(sysadmin, "keep", "On call"));
        tasks.complete(managerTask.getId(), Map.of(AccessReviewVariables.REVIEW_ITEMS,
                org.vigil.platform.JsonListVariables.jsonValue(rows), "bulkDecision", "keep", "bulkScope", "unflagged"));

        var decided = decisions.items(campaignId, "manager");
        assertThat(itemOf(decided, review.data.terminated).decision()).isEqualTo("REVOKE");
        assertThat(itemOf(decided, review.data.terminated).reason()).isEqualTo("Left the company");
        assertThat(itemOf(decided, "sysadmin").decision()).isEqualTo("KEEP");
        assertThat(itemOf(decided, "staff").decision()).as("the bulk decision, for the unflagged rest").isEqualTo("KEEP");
        assertThat(itemOf(decided, "staff").decidedBy()).isEqualTo("manager");
    }

    private static Map<String, Object> row(long item, String decision, String reason) {
        var row = new HashMap<String, Object>();
        row.put("item", item);
        row.put("decision", decision);
        row.put("reason", reason);
        return row;
    }

    @Test
    void flagsSegregationOfDutiesConflictsDeclaredInTheSeeds() {
        var vars = new HashMap<String, Object>(Map.of(AccessReviewVariables.STARTED_BY.name(), "ciso", AccessReviewVariables.SYSTEM_IDS.name(), "claims-db"));
        ProcessInstance instance = review.requested(vars);
        review.runJob(instance, AccessReviewProcess.Task_OpenCampaign);

        var staff = decisions.items(review.campaignOf(instance), null).stream().filter(i -> i.account().equals("staff")).toList();
        assertThat(staff).extracting(ReviewItem::entitlement).containsExactlyInAnyOrder("claim-submit", "claim-approve");
        assertThat(staff).allSatisfy(item -> assertThat(item.flags()).contains("SOD_CONFLICT"));
        runtime.deleteProcessInstance(instance.getId(), "test");
    }

    @Test
    void nobodyReviewsTheirOwnAccess() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        Task cisoTask = review.reviewTaskOf(instance, "ciso");

        // The CISO's items hold the manager's own account: handing them to the manager is refused.
        assertThatThrownBy(() -> tasks.setAssignee(cisoTask.getId(), "manager"))
                .hasMessageContaining("Nobody reviews their own access")
                .hasMessageContaining("manager holds item");
        assertThat(tasks.createTaskQuery().taskId(cisoTask.getId()).singleResult().getAssignee()).isEqualTo("ciso");

        long ownItem = itemOf(decisions.items(campaignId, null), "manager").id();
        assertThatThrownBy(() -> decisions.decide(campaignId, "manager", List.of(new DecisionInput(ownItem, "keep", null)), null))
                .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("reviewed by ciso, not by manager");
    }

    @Test
    void aReviewerDelegatesTheirReviewToAnotherManager() {
        String deputy = aManager();
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        Task managerTask = review.reviewTaskOf(instance, "manager");

        tasks.setAssignee(managerTask.getId(), deputy);

        assertThat(decisions.items(campaignId, deputy)).extracting(ReviewItem::account)
                .containsExactlyInAnyOrder("staff", "sysadmin", review.data.terminated);
        assertThat(decisions.items(campaignId, "manager")).isEmpty();
        assertThat(store.reviewer(campaignId, deputy).orElseThrow().delegatedFrom()).isEqualTo("manager");
        assertThat(tasks.getVariable(managerTask.getId(), AccessReviewVariables.REVIEWER.name())).isEqualTo(deputy);

        tasks.complete(managerTask.getId(), Map.of("bulkDecision", "keep", "bulkScope", "all", "bulkReason", "Still needed"));
        assertThat(decisions.items(campaignId, deputy)).allSatisfy(item -> assertThat(item.decidedBy()).isEqualTo(deputy));
    }

    @Test
    void aDelegationToSomeoneWhoIsNotAManagerIsRefused() {
        ProcessInstance instance = review.startedBy("manager");
        Task managerTask = review.reviewTaskOf(instance, "manager");

        assertThatThrownBy(() -> tasks.setAssignee(managerTask.getId(), "staff"))
                .hasMessageContaining("delegated to a manager only");
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void revokingModifyingAndKeepingPrivilegedOrDormantAccessNeedAReason() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        var items = decisions.items(campaignId, null);
        long staff = itemOf(items, "staff").id();
        long orphan = itemOf(items, "orphan-7").id();
        long privilegedOfCiso = items.stream().filter(i -> i.account().equals("sysadmin") && i.role().equals("OWNER"))
                .findFirst().orElseThrow().id();

        assertThatThrownBy(() -> decisions.decide(campaignId, "manager", List.of(new DecisionInput(staff, "revoke", " ")), null))
                .hasMessageContaining("reason of item " + staff + ": required to revoke");
        assertThatThrownBy(() -> decisions.decide(campaignId, "ciso", List.of(new DecisionInput(orphan, "keep", null)), null))
                .hasMessageContaining("required to keep dormant access");
        assertThatThrownBy(() -> decisions.decide(campaignId, "ciso", List.of(new DecisionInput(privilegedOfCiso, "keep", null)), null))
                .hasMessageContaining("required to keep privileged access");
        assertThatThrownBy(() -> decisions.decide(campaignId, "manager", List.of(new DecisionInput(staff, "maybe", "x")), null))
                .hasMessageContaining("must be keep, revoke or modify");

        assertThat(decisions.decide(campaignId, "manager", List.of(new DecisionInput(staff, "keep", null)), null)).isEqualTo(1);
        assertThat(decisions.decide(campaignId, "ciso", List.of(new DecisionInput(privilegedOfCiso, "keep", "On-call administrator")), null)).isEqualTo(1);
    }

    @Test
    void aBulkKeepDecidesOnlyTheUnflaggedItemsUnlessAReasonCoversTheRest() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);

        int applied = decisions.decide(campaignId, "manager", List.of(), new BulkDecision("keep", null, "unflagged"));

        var mine = decisions.items(campaignId, "manager");
        assertThat(applied).isEqualTo(1);
        assertThat(mine).filteredOn(i -> i.decision() != null).extracting(ReviewItem::account).containsExactly("staff");
        assertThatThrownBy(() -> decisions.decide(campaignId, "manager", List.of(), new BulkDecision("keep", null, "all")))
                .hasMessageContaining("required to keep privileged access");
    }

    // ---------------------------------------------------------------- reminders and escalation

    @Test
    void remindsTheReviewerSevenDaysBeforeTheDueDateAndEscalatesToTheirManagerAndTheCisoWhenOverdue() throws Exception {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        var managerExecution = review.reviewTaskOf(instance, "manager").getExecutionId();

        Job reminder = timerOfExecutionTree(instance, AccessReviewProcess.BoundaryEvent_ReminderDue, "manager");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(instant(REMIND));
        clock.moveTo(REMIND);
        management.executeJob(reminder.getId());
        review.runJob(instance, AccessReviewProcess.Task_SendReminder);

        String reminderSubject = "Access review " + campaignId + ": your review is due";
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.withSubject(reminderSubject).isEmpty());
        assertThat(TestMailServer.withSubject(reminderSubject).get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactly("manager@vigil.example");

        assertThat(store.reviewer(campaignId, "manager").orElseThrow().remindedAt()).isEqualTo(instant(REMIND));

        Job overdue = timerOfExecutionTree(instance, AccessReviewProcess.BoundaryEvent_ReviewOverdue, "manager");
        assertThat(overdue.getDuedate().toInstant()).isEqualTo(instant(DUE));
        clock.moveTo(DUE);
        management.executeJob(overdue.getId());
        review.runJob(instance, AccessReviewProcess.Task_EscalateOverdueReview);

        String overdueSubject = "Access review " + campaignId + ": review by Morgan Manager is overdue";
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.withSubject(overdueSubject).isEmpty());
        // The manager's manager in the roster is the CISO, who is also told as the CISO: one address.
        assertThat(TestMailServer.withSubject(overdueSubject).get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactly("ciso@vigil.example");
        assertThat(store.reviewer(campaignId, "manager").orElseThrow().escalatedAt()).isEqualTo(instant(DUE));
        assertThat(tasks.createTaskQuery().executionId(managerExecution).count()).as("the review task stays").isEqualTo(1);
    }

    // ---------------------------------------------------------------- closing

    @Test
    void itemsUndecidedWhenTheWindowClosesBecomeExceptionsAndTheOwnerSignsOff() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        tasks.complete(review.reviewTaskOf(instance, "manager").getId(),
                Map.of("bulkDecision", "keep", "bulkScope", "all", "bulkReason", "Checked with the team"));
        review.runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);

        Job closes = review.timer(instance, AccessReviewProcess.BoundaryEvent_ReviewWindowClosed);
        assertThat(closes.getDuedate().toInstant()).isEqualTo(instant(CLOSES));
        clock.moveTo(CLOSES);
        management.executeJob(closes.getId());
        review.runJob(instance, AccessReviewProcess.Task_CloseReviews);

        assertThat(instance).isWaitingAt(AccessReviewProcess.Task_SignOffSystem);
        var items = decisions.items(campaignId, null);
        assertThat(items).filteredOn(ReviewItem::exception).extracting(ReviewItem::reviewer).containsOnly("ciso").hasSize(3);
        assertThat(items).filteredOn(i -> !i.exception()).allSatisfy(i -> assertThat(i.decision()).isEqualTo("KEEP"));
        assertThatThrownBy(() -> decisions.decide(campaignId, "ciso", List.of(), new BulkDecision("keep", "late", "all")))
                .hasMessageContaining("is closed for review");

        Task signOff = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(AccessReviewProcess.Task_SignOffSystem).singleResult();
        assertThat(signOff.getAssignee()).isEqualTo("ciso");
        // Five calendar days after the window closed (sign-off-period P5D), follow-up two days before.
        assertThat(signOff.getDueDate().toInstant()).isEqualTo(instant("2026-03-28T09:00:00-04:00"));
        assertThat(signOff.getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-26T09:00:00-04:00"));
        tasks.complete(signOff.getId(), Map.of("attested", true, "signOffComment", "Exceptions to follow up"));
        review.runJob(instance, AccessReviewProcess.Task_PublishReport);

        assertThat(instance).isEnded().hasPassed(AccessReviewProcess.EndEvent_CampaignClosed);
        var figures = reviewFigures.figures(campaignId);
        assertThat(figures.status()).isEqualTo("CLOSED");
        assertThat(figures.exceptions()).isEqualTo(3);
        assertThat(figures.completionRate()).isEqualTo(3.0 / 6);
        String report = closing.report(campaignId);
        assertThat(report).contains("campaign " + campaignId).contains(review.data.system).contains("EXCEPTION")
                .contains("Exceptions to follow up").contains(store.campaignSnapshots(campaignId).get(0).checksum());
    }

    // ---------------------------------------------------------------- helpers

    private void closeWithoutDecisions(ProcessInstance instance) {
        management.executeJob(review.timer(instance, AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).getId());
        review.runJob(instance, AccessReviewProcess.Task_CloseReviews);
        tasks.createTaskQuery().processInstanceId(instance.getId()).list()
                .forEach(task -> tasks.complete(task.getId(), Map.of("attested", true)));
        review.runJob(instance, AccessReviewProcess.Task_PublishReport);
        assertThat(instance).isEnded();
    }

    /** The boundary timer of one reviewer's review task. */
    private Job timerOfExecutionTree(ProcessInstance instance, String activityId, String reviewer) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).list().stream()
                .filter(job -> reviewer.equals(runtime.getVariable(job.getExecutionId(), AccessReviewVariables.REVIEWER.name())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + activityId + " timer of " + reviewer));
    }

    /** The job's due date as stored now. */
    private Instant dueDate(Job job) {
        return management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().toInstant();
    }

    private String aManager() {
        String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identity.newUser(id);
        user.setEmail(id + "@vigil.example");
        identity.saveUser(user);
        identity.createMembership(id, "managers");
        return id;
    }
}
