package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine's jobs, run by the test as the job executor (off in tests) would run them. Always of one process
 * instance: the test database is shared by every test of the JVM, so another test's jobs are never touched. A job may
 * lead to the next (a notice's plan, then its settlement), so each call runs until no such job is left; a job that
 * keeps coming back fails the test with its name instead of looping or being left behind in silence.
 */
public final class EngineJobs {

    /** More rounds than any chain of asynchronous steps in the models. */
    static final int ROUNDS = 20;

    private EngineJobs() {}

    /**
     * The instance's asynchronous continuations that are due: message jobs, executable (retries left, no due date in
     * the future). Timers are not run: a test that needs one fires it itself.
     */
    public static void runAllOf(ManagementService management, String processInstanceId) {
        run(management, () -> management.createJobQuery().processInstanceId(processInstanceId).executable().messages().list(),
                "process instance " + processInstanceId);
    }

    /** The instance's jobs waiting at one activity, of which there must be at least one; none of its other jobs. */
    public static void runAt(ManagementService management, String processInstanceId, String activityId) {
        Supplier<List<Job>> waiting = () -> management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list();
        assertThat(waiting.get()).as("jobs at %s of process instance %s", activityId, processInstanceId).isNotEmpty();
        run(management, waiting, activityId + " of process instance " + processInstanceId);
    }

    private static void run(ManagementService management, Supplier<List<Job>> jobs, String where) {
        for (int round = 0; round < ROUNDS; round++) {
            var pending = jobs.get();
            if (pending.isEmpty()) {
                return;
            }
            pending.forEach(job -> management.executeJob(job.getId()));
        }
        var stuck = jobs.get();
        if (!stuck.isEmpty()) {
            throw new AssertionError("Jobs of " + where + " still pending after " + ROUNDS + " rounds: "
                    + stuck.stream().map(job -> describe(management, job)).collect(Collectors.joining("; ")));
        }
    }

    private static String describe(ManagementService management, Job job) {
        var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        return job.getProcessDefinitionKey() + "/" + (definition == null ? "?" : definition.getActivityId()) + " (job " + job.getId()
                + (job.getExceptionMessage() == null ? "" : ", failed: " + job.getExceptionMessage()) + ")";
    }
}
