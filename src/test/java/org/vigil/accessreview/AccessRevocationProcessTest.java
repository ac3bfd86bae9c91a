package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vigil.TestClock.instant;
import static org.vigil.accessreview.AccessReviewFixture.utf8;
import static org.vigil.accessreview.AccessReviewProcessFixture.itemOf;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
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
import org.vigil.accessreview.AccessReviewApi.ReviewItem;

/**
 * Process test for processes/access-revocation.bpmn: the removal of one revoked entitlement by IT operations, its
 * verification, and the escalation when it is not verified in time. Deadlines count working days of the company
 * calendar from the decision (seeds/accessreview/policy.yaml): 3 for regular access, 1 for privileged, then 3 to
 * verify. Campaigns open at 09:00 on Monday 2 March 2026 (EST), where the test clock starts.
 */
@VigilSpringTest
class AccessRevocationProcessTest {

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired PhiSystemRegister register;
    @Autowired SnapshotImports imports;
    @Autowired ReviewDecisions decisions;
    @Autowired ReviewFigures reviewFigures;
    @Autowired AccessReviewStore store;
    @Autowired AccessRevocations revocations;
    @Autowired org.camunda.bpm.engine.HistoryService history;

    AccessReviewProcessFixture review;

    @BeforeEach
    void aSystemOfItsOwnWithRosterAndSnapshot() {
        BpmnAwareTests.init(engine);
        var today = OffsetDateTime.parse(TestClock.MONDAY_MORNING).toLocalDate();
        review = new AccessReviewProcessFixture(new AccessReviewFixture(today), runtime, tasks, management).imported(register, imports);
    }

    @Test
    void aRevocationGoesToItOperationsWithinThreeWorkingDaysAndTheNextSnapshotVerifiesIt() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        long jdoe = itemOf(decisions.items(campaignId, null), review.data.terminated).id();

        // Decided on Friday afternoon: the weekend does not count.
        clock.moveTo("2026-03-06T16:00:00-05:00");
        tasks.complete(review.reviewTaskOf(instance, "manager").getId(), Map.of("decisions", jdoe + " revoke Left the company"));
        review.runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);

        var revocation = store.revocations(campaignId).get(0);
        assertThat(revocation.decidedAt()).isEqualTo(instant("2026-03-06T16:00:00-05:00"));
        ProcessInstance removal = revocationInstance(revocation.id());
        Task deprovision = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        assertThat(deprovision.getTaskDefinitionKey()).isEqualTo(AccessRevocationProcess.Task_Deprovision);
        assertThat(tasks.getIdentityLinksForTask(deprovision.getId())).anyMatch(link -> "it-operations".equals(link.getGroupId()));
        // Monday, Tuesday, Wednesday: at 16:00 on the company's clock, daylight time since Sunday 8 March.
        assertThat(deprovision.getDueDate().toInstant()).isEqualTo(instant("2026-03-11T16:00:00-04:00"));
        assertThat(deprovision.getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-10T16:00:00-04:00"));
        assertThat(runtime.getVariable(removal.getId(), AccessRevocationVariables.REVOCATION_ID.name())).isEqualTo(revocation.id());

        clock.moveTo("2026-03-10T11:00:00-04:00");
        tasks.setAssignee(deprovision.getId(), "sysadmin");
        tasks.complete(deprovision.getId(), Map.of("removed", true));
        assertThat(removal).isWaitingAt(AccessRevocationProcess.Task_VerifyRemoval);
        Task verify = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        // Three working days after the removal's due date: Thursday, Friday, Monday.
        assertThat(verify.getDueDate().toInstant()).isEqualTo(instant("2026-03-16T16:00:00-04:00"));
        assertThat(verify.getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-15T16:00:00-04:00"));

        clock.moveTo("2026-03-12T10:00:00-04:00");
        var result = imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv",
                utf8(review.data.snapshotWithout(review.data.terminated)), "test", "test");

        assertThat(result.revocationsVerified()).containsExactly(revocation.id());
        assertThat(removal).isEnded().hasPassed(AccessRevocationProcess.EndEvent_AccessRemoved);
        var verified = store.revocation(revocation.id()).orElseThrow();
        assertThat(verified.verification()).isEqualTo("SNAPSHOT");
        assertThat(verified.deprovisionedBy()).isEqualTo("sysadmin");
        assertThat(verified.deprovisionedAt()).isEqualTo(instant("2026-03-10T11:00:00-04:00"));
        assertThat(verified.verifiedAt()).isEqualTo(instant("2026-03-12T10:00:00-04:00"));
        assertThat(reviewFigures.figures(campaignId).revocationsVerified()).isEqualTo(1);
        // Friday 16:00 EST to Thursday 10:00 EDT.
        assertThat(reviewFigures.figures(campaignId).medianRevokeToVerified()).isEqualTo(Duration.ofDays(5).plusHours(17));
    }

    @Test
    void privilegedAccessIsRemovedWithinOneWorkingDayAndVerifiedByHandBySomeoneElse() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        long privileged = decisions.items(campaignId, "ciso").stream().filter(ReviewItem::privileged).findFirst().orElseThrow().id();

        tasks.complete(review.reviewTaskOf(instance, "ciso").getId(), Map.of("decisions", privileged + " revoke No longer on call"));
        review.runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);
        var revocation = store.revocations(campaignId).get(0);
        ProcessInstance removal = revocationInstance(revocation.id());
        Task deprovision = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        assertThat(deprovision.getDueDate().toInstant()).isEqualTo(instant("2026-03-03T09:00:00-05:00"));
        // A day before the due date is now: the follow-up is never before now.
        assertThat(deprovision.getFollowUpDate().toInstant()).isEqualTo(instant(TestClock.MONDAY_MORNING));
        tasks.setAssignee(deprovision.getId(), "sysadmin");
        tasks.complete(deprovision.getId(), Map.of("removed", true));

        Task verify = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        // Three working days after Tuesday's due date.
        assertThat(verify.getDueDate().toInstant()).isEqualTo(instant("2026-03-06T09:00:00-05:00"));
        tasks.setAssignee(verify.getId(), "sysadmin");
        assertThatThrownBy(() -> tasks.complete(verify.getId(), Map.of(AccessRevocationVariables.REMOVAL_CONFIRMED.name(), true)))
                .hasMessageContaining("removed this access and cannot verify it too");
        tasks.setAssignee(verify.getId(), "ciso");
        tasks.complete(verify.getId(), Map.of(AccessRevocationVariables.REMOVAL_CONFIRMED.name(), true));

        assertThat(removal).isEnded();
        var verified = store.revocation(revocation.id()).orElseThrow();
        assertThat(verified.verification()).isEqualTo("HAND");
        assertThat(verified.verifiedBy()).isEqualTo("ciso");
    }

    @Test
    void aRemovalNotVerifiedInTimeIsEscalatedToTheCisoAndItOperations() throws Exception {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        long jdoe = itemOf(decisions.items(campaignId, null), review.data.terminated).id();
        tasks.complete(review.reviewTaskOf(instance, "manager").getId(), Map.of("decisions", jdoe + " revoke Left"));
        review.runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);
        var revocation = store.revocations(campaignId).get(0);
        ProcessInstance removal = revocationInstance(revocation.id());

        // Decided Monday 09:00: removal due Thursday, verification three working days later, on Tuesday (EDT by then).
        assertThat(revocation.dueAt()).isEqualTo(instant("2026-03-05T09:00:00-05:00"));
        Job overdue = review.timer(removal, AccessRevocationProcess.BoundaryEvent_VerificationOverdue);
        assertThat(overdue.getDuedate().toInstant()).isEqualTo(instant("2026-03-10T09:00:00-04:00"));
        clock.moveTo("2026-03-10T09:00:00-04:00");
        management.executeJob(overdue.getId());
        review.runJob(removal, AccessRevocationProcess.Task_EscalateUnverified);

        // The system by its name in the register, as people call it.
        String subject = "Revocation " + revocation.id() + " on Test system " + review.data.system + " is not verified";
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.withSubject(subject).isEmpty());
        assertThat(TestMailServer.withSubject(subject).get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ciso@vigil.example", "sysadmin@vigil.example");
        assertThat(store.revocation(revocation.id()).orElseThrow().escalatedAt()).isEqualTo(instant("2026-03-10T09:00:00-04:00"));
        assertThat(removal).isWaitingAt(AccessRevocationProcess.Task_Deprovision);
    }

    @Test
    void theDeprovisioningTaskNamesSystemAccountAndEntitlementAndAnUncheckedBoxIsRefusedNamingItsLabel() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        long jdoe = itemOf(decisions.items(campaignId, null), review.data.terminated).id();
        tasks.complete(review.reviewTaskOf(instance, "manager").getId(), Map.of("decisions", jdoe + " revoke Left the company"));
        review.runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);
        var revocation = store.revocations(campaignId).get(0);
        ProcessInstance removal = revocationInstance(revocation.id());
        Task deprovision = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();

        assertThat(deprovision.getName()).isEqualTo("Remove access: " + review.data.terminated + " on " + review.data.system + " (read)");
        assertThat(deprovision.getDescription()).contains("entitlement read from the account " + review.data.terminated
                + " on the system " + review.data.system);

        tasks.setAssignee(deprovision.getId(), "sysadmin");
        assertThatThrownBy(() -> tasks.complete(deprovision.getId(), Map.of("removed", false)))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasMessageContaining("'The access is removed' (removed): check it once the entitlement is removed");
        assertThatThrownBy(() -> tasks.complete(deprovision.getId()))
                .hasMessageContaining("'The access is removed' (removed)");
        assertThat(removal).isWaitingAt(AccessRevocationProcess.Task_Deprovision);
        assertThat(store.revocation(revocation.id()).orElseThrow().deprovisionedAt()).isNull();

        tasks.complete(deprovision.getId(), Map.of("removed", true));
        Task verify = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        assertThat(verify.getName()).isEqualTo("Verify the removal: " + review.data.terminated + " on " + review.data.system + " (read)");
    }

    @Test
    void aRemovalVerifiedBeforeTheReviewsCloseIsNotHandedToItOperationsAgain() {
        ProcessInstance instance = review.startedBy("manager");
        long campaignId = review.campaignOf(instance);
        long jdoe = itemOf(decisions.items(campaignId, null), review.data.terminated).id();
        tasks.complete(review.reviewTaskOf(instance, "manager").getId(), Map.of("decisions", jdoe + " revoke Left the company"));
        review.runJob(instance, AccessReviewProcess.Task_RequestDeprovisioning);
        var revocation = store.revocations(campaignId).get(0);
        ProcessInstance removal = revocationInstance(revocation.id());
        Task deprovision = tasks.createTaskQuery().processInstanceId(removal.getId()).singleResult();
        tasks.setAssignee(deprovision.getId(), "sysadmin");
        tasks.complete(deprovision.getId(), Map.of("removed", true));
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv",
                utf8(review.data.snapshotWithout(review.data.terminated)), "test", "test");
        assertThat(removal).isEnded();

        // Asked again (a job run twice), and then the reviews close: no second de-provisioning.
        assertThat(revocations.startDeprovisioning(campaignId, "manager")).isEmpty();
        management.executeJob(review.timer(instance, AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).getId());
        review.runJob(instance, AccessReviewProcess.Task_CloseReviews);

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AccessRevocationProcess.KEY)
                .processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id())).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccessRevocationProcess.KEY)
                .processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id())).count()).isZero();
    }

    private ProcessInstance revocationInstance(long revocationId) {
        ProcessInstance removal = runtime.createProcessInstanceQuery().processDefinitionKey(AccessRevocationProcess.KEY)
                .processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocationId)).singleResult();
        assertThat(removal).as("de-provisioning of revocation " + revocationId).isNotNull();
        return removal;
    }
}
