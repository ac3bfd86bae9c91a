package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.accessreview.AccessReviewFixture.utf8;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.vigil.EngineJobs;
import org.vigil.accessreview.AccessReviewApi.ReviewItem;

/**
 * What the process tests of access-review.bpmn and access-revocation.bpmn share: a system of the test's own with its
 * roster and snapshot ({@link AccessReviewFixture}), imported, and the steps that open a campaign on it and find its
 * tasks and jobs. The job executor is off in tests: {@link #runJob} runs the asynchronous steps.
 */
final class AccessReviewProcessFixture {

    final AccessReviewFixture data;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    AccessReviewProcessFixture(AccessReviewFixture data, RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.data = data;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Registers the fixture's system and imports its roster and entitlements. */
    AccessReviewProcessFixture imported(PhiSystemRegister register, SnapshotImports imports) {
        register.saveSystem(data.phiSystem(), "test");
        imports.importSnapshot(SnapshotKind.ROSTER, "text/csv", utf8(data.roster()), "test", "test");
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv", utf8(data.snapshot()), "test", "test");
        return this;
    }

    /** A campaign over the fixture's system, asked for by {@code user} and opened. */
    ProcessInstance startedBy(String user) {
        var variables = new HashMap<String, Object>(Map.of(AccessReviewVariables.STARTED_BY.name(), user, AccessReviewVariables.SYSTEM_IDS.name(), data.system));
        ProcessInstance instance = requested(variables);
        runJob(instance, AccessReviewProcess.Task_OpenCampaign);
        return instance;
    }

    ProcessInstance requested(Map<String, Object> variables) {
        return runtime.createMessageCorrelation(AccessReviewProcess.Message_AccessReviewRequested).setVariables(variables)
                .correlateStartMessage();
    }

    long campaignOf(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), AccessReviewVariables.CAMPAIGN_ID.name())).longValue();
    }

    Task reviewTaskOf(ProcessInstance instance, String assignee) {
        return tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(AccessReviewProcess.Task_ReviewAccess).taskAssignee(assignee).singleResult();
    }

    /** Runs every job waiting at {@code activityId}, as the job executor would. */
    void runJob(ProcessInstance instance, String activityId) {
        EngineJobs.runAt(management, instance.getId(), activityId);
    }

    Job timer(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    static ReviewItem itemOf(List<ReviewItem> items, String account) {
        return items.stream().filter(i -> i.account().equals(account)).findFirst()
                .orElseThrow(() -> new AssertionError("no item of account " + account));
    }
}
