package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vigil.accessreview.AccessReviewFixture.utf8;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;
import org.vigil.platform.CompanyCalendar;
import org.vigil.accessreview.AccessReviewApi.BulkDecision;
import org.vigil.accessreview.AccessReviewApi.DecisionInput;
import org.vigil.accessreview.AccessReviewApi.ReviewItem;

/** Process test for processes/access-review.bpmn and processes/access-revocation.bpmn. */
@VigilSpringTest
class AccessReviewProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired PhiSystemRegister register;
    @Autowired SnapshotImports imports;
    @Autowired ReviewDecisions decisions;
    @Autowired CampaignClosing closing;
    @Autowired ReviewFigures reviewFigures;
    @Autowired AccessReviewStore store;
    @Autowired Clock clock;
    @Autowired CompanyCalendar calendar;

    AccessReviewFixture fixture;

    @BeforeEach
    void aSystemOfItsOwnWithRosterAndSnapshot() {
        BpmnAwareTests.init(engine);
        fixture = new AccessReviewFixture(LocalDate.now(clock));
        register.saveSystem(fixture.phiSystem(), "test");
        imports.importSnapshot(SnapshotKind.ROSTER, "text/csv", utf8(fixture.roster()), "test", "test");
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv", utf8(fixture.snapshot()), "test", "test");
    }

    // ---------------------------------------------------------------- starting

    @Test
    void theQuarterlyTimerFiresAtNineOnTheFirstDayOfTheQuarterAndWaitsForTheFirstWorkingDay() {
        Job start = management.createJobQuery().processDefinitionKey(AccessReviewProcess.KEY).timers()
                .activityId(AccessReviewProcess.StartEvent_QuarterStarted).singleResult();
        assertThat(start).as("the quarterly start timer").isNotNull();
        assertThat(start.getDuedate().toInstant()).isEqualTo(nextQuarterStart());

        int before = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.KEY).list().size();
        management.executeJob(start.getId());

        var started = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.KEY)
                .activityIdIn(AccessReviewProcess.Event_FirstWorkingDay).list();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.KEY).list()).hasSize(before + 1);
        assertThat(started).hasSize(1);
        Job wait = timer(started.get(0), AccessReviewProcess.Event_FirstWorkingDay);
        ZonedDateTime fires = wait.getDuedate().toInstant().atZone(clock.getZone());
        assertThat(fires.getDayOfWeek().getValue()).as("a weekday").isLessThanOrEqualTo(5);
        assertThat(fires.toInstant()).isBeforeOrEqualTo(Instant.now(clock).plus(Duration.ofDays(5)));
        assertThat(fires.toLocalTime().equals(LocalTime.of(9, 0)) || fires.toInstant().isBefore(Instant.now(clock).plusSeconds(5)))
                .as("09:00 on the first working day, or now if that is already past").isTrue();
        // The next quarter's timer is there again.
        assertThat(management.createJobQuery().processDefinitionKey(AccessReviewProcess.KEY).timers()
                .activityId(AccessReviewProcess.StartEvent_QuarterStarted).count()).isEqualTo(1);
        runtime.deleteProcessInstance(started.get(0).getId(), "test: only the timer start is under test");
    }

    @Test
    void aManagerStartsACampaignByHandAndItsSnapshotIsFrozen() {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);

        // A later import of the system changes nothing in the running campaign.
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv", utf8(fixture.snapshotWithout("staff")), "test", "test");

        assertThat(decisions.items(campaignId, null)).extracting(ReviewItem::account).contains("staff");
        assertThat(decisions.items(campaignId, null)).hasSize(6);
        assertThat(store.campaignSnapshots(campaignId)).extracting(Rows.CampaignSnapshotRow::kind)
                .containsExactlyInAnyOrder("ROSTER", "ENTITLEMENTS");
        assertThat(instance).isWaitingAt(AccessReviewProcess.Task_ReviewAccess);
    }

    @Test
    void someoneWhoIsNotAManagerCannotStartACampaign() {
        ProcessInstance instance = startedBy("staff");

        assertThat(instance).isEnded().hasPassed(AccessReviewProcess.EndEvent_StartRefused);
        assertThat(store.campaignOfProcess(instance.getId())).isEmpty();
    }

    // ---------------------------------------------------------------- reviewers

    @Test
    void regularAccessGoesToTheManagerAndPrivilegedAccessToTheOwnerAndASecondReviewer() {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        var items = decisions.items(campaignId, null);

        assertThat(itemOf(items, "staff").reviewer()).isEqualTo("manager");
        assertThat(itemOf(items, fixture.terminated).reviewer()).isEqualTo("manager");
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
        assertThat(Duration.between(campaign.startedAt(), campaign.dueAt()).toDays()).isEqualTo(14);
        for (Task task : reviewTasks) {
            assertThat(task.getDueDate().toInstant()).isCloseTo(campaign.dueAt(), within1s());
            assertThat(task.getFollowUpDate().toInstant()).isCloseTo(campaign.remindAt(), within1s());
            assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> "managers".equals(link.getGroupId()));
        }
    }

    @Test
    void everyItemCarriesItsRiskFlags() {
        long campaignId = campaignOf(startedBy("manager"));
        var items = decisions.items(campaignId, null);

        assertThat(itemOf(items, "staff").flags()).isEmpty();
        assertThat(itemOf(items, fixture.terminated).flags()).containsExactly("TERMINATED");
        assertThat(itemOf(items, "orphan-7").flags()).containsExactly("ORPHANED", "DORMANT");
        assertThat(itemOf(items, "sysadmin").flags()).containsExactly("PRIVILEGED");
    }

    @Test
    void aCampaignOfChangesOnlyHoldsWhatIsNewSinceTheLastOne() {
        ProcessInstance first = startedBy("manager");
        closeWithoutDecisions(first);
        String changed = fixture.snapshot() + fixture.system + ",newcomer,staff,manager,write,false," + LocalDate.now(clock) + "\n";
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv", utf8(changed), "test", "test");

        var vars = new HashMap<String, Object>(Map.of("startedBy", "manager", "changesOnly", true, "systemIds", fixture.system));
        ProcessInstance second = requested(vars);
        runJob(second, AccessReviewProcess.Task_OpenCampaign);

        var items = decisions.items(campaignOf(second), null);
        assertThat(items).extracting(ReviewItem::account).containsExactly("newcomer");
        assertThat(items.get(0).flags()).contains("NEW");
    }

    @Test
    void flagsSegregationOfDutiesConflictsDeclaredInTheSeeds() {
        var vars = new HashMap<String, Object>(Map.of("startedBy", "ciso", "systemIds", "claims-db"));
        ProcessInstance instance = requested(vars);
        runJob(instance, AccessReviewProcess.Task_OpenCampaign);

        var staff = decisions.items(campaignOf(instance), null).stream().filter(i -> i.account().equals("staff")).toList();
        assertThat(staff).extracting(ReviewItem::entitlement).containsExactlyInAnyOrder("claim-submit", "claim-approve");
        assertThat(staff).allSatisfy(item -> assertThat(item.flags()).contains("SOD_CONFLICT"));
        runtime.deleteProcessInstance(instance.getId(), "test");
    }

    @Test
    void nobodyReviewsTheirOwnAccess() {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        Task cisoTask = reviewTaskOf(instance, "ciso");

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
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        Task managerTask = reviewTaskOf(instance, "manager");

        tasks.setAssignee(managerTask.getId(), deputy);

        assertThat(decisions.items(campaignId, deputy)).extracting(ReviewItem::account)
                .containsExactlyInAnyOrder("staff", "sysadmin", fixture.terminated);
        assertThat(decisions.items(campaignId, "manager")).isEmpty();
        assertThat(store.reviewer(campaignId, deputy).orElseThrow().delegatedFrom()).isEqualTo("manager");
        assertThat(tasks.getVariable(managerTask.getId(), "reviewer")).isEqualTo(deputy);

        tasks.complete(managerTask.getId(), Map.of("bulkDecision", "keep", "bulkScope", "all", "bulkReason", "Still needed"));
        assertThat(decisions.items(campaignId, deputy)).allSatisfy(item -> assertThat(item.decidedBy()).isEqualTo(deputy));
    }

    @Test
    void aDelegationToSomeoneWhoIsNotAManagerIsRefused() {
        ProcessInstance instance = startedBy("manager");
        Task managerTask = reviewTaskOf(instance, "manager");

        assertThatThrownBy(() -> tasks.setAssignee(managerTask.getId(), "staff"))
                .hasMessageContaining("delegated to a manager only");
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void revokingModifyingAndKeepingPrivilegedOrDormantAccessNeedAReason() {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
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
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);

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
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        var campaign = store.campaign(campaignId).orElseThrow();
        var managerExecution = reviewTaskOf(instance, "manager").getExecutionId();

        Job reminder = timerOfExecutionTree(instance, AccessReviewProcess.BoundaryEvent_ReminderDue, "manager");
        assertThat(reminder.getDuedate().toInstant()).isCloseTo(campaign.dueAt().minus(Duration.ofDays(7)), within1s());
        management.executeJob(reminder.getId());
        runJob(instance, AccessReviewProcess.Task_SendReminder);

        String reminderSubject = "Access review " + campaignId + ": your review is due";
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.withSubject(reminderSubject).isEmpty());
        assertThat(TestMailServer.withSubject(reminderSubject).get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactly("manager@vigil.example");

        Job overdue = timerOfExecutionTree(instance, AccessReviewProcess.BoundaryEvent_ReviewOverdue, "manager");
        assertThat(overdue.getDuedate().toInstant()).isCloseTo(campaign.dueAt(), within1s());
        management.executeJob(overdue.getId());
        runJob(instance, AccessReviewProcess.Task_EscalateOverdueReview);

        String overdueSubject = "Access review " + campaignId + ": review by manager is overdue";
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.withSubject(overdueSubject).isEmpty());
        // The manager's manager in the roster is the CISO, who is also told as the CISO: one address.
        assertThat(TestMailServer.withSubject(overdueSubject).get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactly("ciso@vigil.example");
        assertThat(store.reviewer(campaignId, "manager").orElseThrow().escalatedAt()).isNotNull();
        assertThat(tasks.createTaskQuery().executionId(managerExecution).count()).as("the review task stays").isEqualTo(1);
    }

    // ---------------------------------------------------------------- revocations

    @Test
    void aRevocationGoesToItOperationsWithinThreeWorkingDaysAndTheNextSnapshotVerifiesIt() {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        long jdoe = itemOf(decisions.items(campaignId, null), fixture.terminated).id();

        tasks.complete(reviewTaskOf(instance, "manager").getId(), Map.of("decisions", jdoe + " revoke Left the company"));
        runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);

        var revocation = store.revocations(campaignId).get(0);
        ProcessInstance removal = revocationInstance(revocation.id());
        Task deprovision = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        assertThat(deprovision.getTaskDefinitionKey()).isEqualTo(AccessRevocationProcess.Task_Deprovision);
        assertThat(tasks.getIdentityLinksForTask(deprovision.getId())).anyMatch(link -> "it-operations".equals(link.getGroupId()));
        assertThat(deprovision.getDueDate().toInstant()).isCloseTo(workingDaysAfter(revocation.decidedAt(), 3), within1s());
        assertThat(runtime.getVariable(removal.getId(), "revocationId")).isEqualTo(revocation.id());

        tasks.setAssignee(deprovision.getId(), "sysadmin");
        tasks.complete(deprovision.getId(), Map.of("removed", true));
        assertThat(removal).isWaitingAt(AccessRevocationProcess.Task_VerifyRemoval);

        var result = imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv",
                utf8(fixture.snapshotWithout(fixture.terminated)), "test", "test");

        assertThat(result.revocationsVerified()).containsExactly(revocation.id());
        assertThat(removal).isEnded().hasPassed(AccessRevocationProcess.EndEvent_AccessRemoved);
        var verified = store.revocation(revocation.id()).orElseThrow();
        assertThat(verified.verification()).isEqualTo("SNAPSHOT");
        assertThat(verified.deprovisionedBy()).isEqualTo("sysadmin");
        assertThat(reviewFigures.figures(campaignId).revocationsVerified()).isEqualTo(1);
        assertThat(reviewFigures.figures(campaignId).medianRevokeToVerified()).isNotNull();
    }

    @Test
    void privilegedAccessIsRemovedWithinOneWorkingDayAndVerifiedByHandBySomeoneElse() {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        long privileged = decisions.items(campaignId, "ciso").stream().filter(ReviewItem::privileged).findFirst().orElseThrow().id();

        tasks.complete(reviewTaskOf(instance, "ciso").getId(), Map.of("decisions", privileged + " revoke No longer on call"));
        runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);
        var revocation = store.revocations(campaignId).get(0);
        ProcessInstance removal = revocationInstance(revocation.id());
        Task deprovision = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        assertThat(deprovision.getDueDate().toInstant()).isCloseTo(workingDaysAfter(revocation.decidedAt(), 1), within1s());
        tasks.setAssignee(deprovision.getId(), "sysadmin");
        tasks.complete(deprovision.getId(), Map.of("removed", true));

        Task verify = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        tasks.setAssignee(verify.getId(), "sysadmin");
        assertThatThrownBy(() -> tasks.complete(verify.getId(), Map.of("removalConfirmed", true)))
                .hasMessageContaining("removed this access and cannot verify it too");
        tasks.setAssignee(verify.getId(), "ciso");
        tasks.complete(verify.getId(), Map.of("removalConfirmed", true));

        assertThat(removal).isEnded();
        var verified = store.revocation(revocation.id()).orElseThrow();
        assertThat(verified.verification()).isEqualTo("HAND");
        assertThat(verified.verifiedBy()).isEqualTo("ciso");
    }

    @Test
    void aRemovalNotVerifiedInTimeIsEscalatedToTheCisoAndItOperations() throws Exception {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        long jdoe = itemOf(decisions.items(campaignId, null), fixture.terminated).id();
        tasks.complete(reviewTaskOf(instance, "manager").getId(), Map.of("decisions", jdoe + " revoke Left"));
        runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);
        var revocation = store.revocations(campaignId).get(0);
        ProcessInstance removal = revocationInstance(revocation.id());

        Job overdue = timer(removal, AccessRevocationProcess.BoundaryEvent_VerificationOverdue);
        assertThat(overdue.getDuedate().toInstant()).isCloseTo(workingDaysAfter(revocation.dueAt(), 3), within1s());
        management.executeJob(overdue.getId());
        runJob(removal, AccessRevocationProcess.Task_EscalateUnverified);

        String subject = "Revocation " + revocation.id() + " on " + fixture.system + " is not verified";
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.withSubject(subject).isEmpty());
        assertThat(TestMailServer.withSubject(subject).get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ciso@vigil.example", "sysadmin@vigil.example");
        assertThat(removal).isWaitingAt(AccessRevocationProcess.Task_Deprovision);
    }

    // ---------------------------------------------------------------- closing

    @Test
    void itemsUndecidedWhenTheWindowClosesBecomeExceptionsAndTheOwnerSignsOff() {
        ProcessInstance instance = startedBy("manager");
        long campaignId = campaignOf(instance);
        var campaign = store.campaign(campaignId).orElseThrow();
        tasks.complete(reviewTaskOf(instance, "manager").getId(),
                Map.of("bulkDecision", "keep", "bulkScope", "all", "bulkReason", "Checked with the team"));
        runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);

        Job closes = timer(instance, AccessReviewProcess.BoundaryEvent_ReviewWindowClosed);
        assertThat(closes.getDuedate().toInstant()).isCloseTo(campaign.dueAt().plus(Duration.ofDays(7)), within1s());
        management.executeJob(closes.getId());
        runJob(instance, AccessReviewProcess.Task_CloseReviews);

        assertThat(instance).isWaitingAt(AccessReviewProcess.Task_SignOffSystem);
        var items = decisions.items(campaignId, null);
        assertThat(items).filteredOn(ReviewItem::exception).extracting(ReviewItem::reviewer).containsOnly("ciso").hasSize(3);
        assertThat(items).filteredOn(i -> !i.exception()).allSatisfy(i -> assertThat(i.decision()).isEqualTo("KEEP"));
        assertThatThrownBy(() -> decisions.decide(campaignId, "ciso", List.of(), new BulkDecision("keep", "late", "all")))
                .hasMessageContaining("is closed for review");

        Task signOff = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(AccessReviewProcess.Task_SignOffSystem).singleResult();
        assertThat(signOff.getAssignee()).isEqualTo("ciso");
        tasks.complete(signOff.getId(), Map.of("attested", true, "signOffComment", "Exceptions to follow up"));
        runJob(instance, AccessReviewProcess.Task_PublishReport);

        assertThat(instance).isEnded().hasPassed(AccessReviewProcess.EndEvent_CampaignClosed);
        var figures = reviewFigures.figures(campaignId);
        assertThat(figures.status()).isEqualTo("CLOSED");
        assertThat(figures.exceptions()).isEqualTo(3);
        assertThat(figures.completionRate()).isEqualTo(3.0 / 6);
        String report = closing.report(campaignId);
        assertThat(report).contains("campaign " + campaignId).contains(fixture.system).contains("EXCEPTION")
                .contains("Exceptions to follow up").contains(store.campaignSnapshots(campaignId).get(0).checksum());
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance startedBy(String user) {
        var vars = new HashMap<String, Object>(Map.of("startedBy", user, "systemIds", fixture.system));
        ProcessInstance instance = requested(vars);
        runJob(instance, AccessReviewProcess.Task_OpenCampaign);
        return instance;
    }

    private ProcessInstance requested(Map<String, Object> variables) {
        return runtime.createMessageCorrelation(AccessReviewProcess.Message_AccessReviewRequested).setVariables(variables)
                .correlateStartMessage();
    }

    private void closeWithoutDecisions(ProcessInstance instance) {
        management.executeJob(timer(instance, AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).getId());
        runJob(instance, AccessReviewProcess.Task_CloseReviews);
        tasks.createTaskQuery().processInstanceId(instance.getId()).list()
                .forEach(task -> tasks.complete(task.getId(), Map.of("attested", true)));
        runJob(instance, AccessReviewProcess.Task_PublishReport);
        assertThat(instance).isEnded();
    }

    private long campaignOf(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), "campaignId")).longValue();
    }

    private Task reviewTaskOf(ProcessInstance instance, String assignee) {
        return tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(AccessReviewProcess.Task_ReviewAccess).taskAssignee(assignee).singleResult();
    }

    private void runJob(ProcessInstance instance, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
        assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    private Job timer(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    /** The boundary timer of one reviewer's review task. */
    private Job timerOfExecutionTree(ProcessInstance instance, String activityId, String reviewer) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).list().stream()
                .filter(job -> reviewer.equals(runtime.getVariable(job.getExecutionId(), "reviewer")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + activityId + " timer of " + reviewer));
    }

    private ProcessInstance revocationInstance(long revocationId) {
        ProcessInstance removal = runtime.createProcessInstanceQuery().processDefinitionKey(AccessRevocationProcess.KEY)
                .processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocationId)).singleResult();
        assertThat(removal).as("de-provisioning of revocation " + revocationId).isNotNull();
        return removal;
    }

    private String aManager() {
        String id = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identity.newUser(id);
        user.setEmail(id + "@vigil.example");
        identity.saveUser(user);
        identity.createMembership(id, "managers");
        return id;
    }

    private Instant workingDaysAfter(Instant from, int days) {
        return calendar.plusWorkingDays(from, days);
    }

    private Instant nextQuarterStart() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate day = now.toLocalDate().withDayOfMonth(1);
        while (true) {
            if ((day.getMonthValue() - 1) % 3 == 0 && day.atTime(9, 0).isAfter(now)) {
                return day.atTime(9, 0).atZone(clock.getZone()).toInstant();
            }
            day = day.plusMonths(1);
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within1s() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, ChronoUnit.SECONDS);
    }

    private static ReviewItem itemOf(List<ReviewItem> items, String account) {
        return items.stream().filter(i -> i.account().equals(account)).findFirst()
                .orElseThrow(() -> new AssertionError("no item of account " + account));
    }
}
