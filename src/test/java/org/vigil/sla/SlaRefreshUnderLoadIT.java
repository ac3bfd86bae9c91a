package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.breach.BreachResponseProcess;

/**
 * Issue 16, "no deadlocks under load": intake and task work go on in several threads while the SLA refresher runs
 * again and again over the very rows they write. Reports arrive through {@code POST /api/incidents} and their
 * provisional plans run as the engine's jobs; follow-up tasks fall overdue and are completed, or deleted several in one
 * engine transaction, while the refresher marks them; deadlines tracked to fall due within a second are completed as
 * they pass. Nothing may fail, no deadlock or lock-wait error may reach the log, and once the load is over every open
 * deadline past its due time is overdue and no completed one was marked again.
 */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
class SlaRefreshUnderLoadIT {

    private static final int WORKERS = 4;
    private static final int ROUNDS = 12;
    private static final ObjectMapper json = new ObjectMapper();

    @Autowired SlaRefresher refresher;
    @Autowired Deadlines deadlines;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired DeadlineRepository registry;
    @Autowired PlatformTransactionManager transactionManager;
    @Value("${local.server.port}") int port;

    @Test
    void intakeAndTaskWorkBesideARepeatedRefreshLogNoDeadlockAndLeaveEveryPassedDeadlineOverdue(CapturedOutput output) throws Exception {
        var pool = Executors.newFixedThreadPool(WORKERS + 1);
        var loadOver = new AtomicBoolean();
        int refreshes;
        try {
            var workers = new ArrayList<Future<Integer>>();
            for (int worker = 0; worker < WORKERS; worker++) {
                workers.add(pool.submit(worker(worker)));
            }
            Future<Integer> refreshing = pool.submit(() -> {
                int runs = 0;
                while (!loadOver.get()) {
                    refresher.refresh();
                    runs++;
                }
                return runs;
            });
            int reports = 0;
            for (var worker : workers) {
                reports += worker.get(); // a worker's failure (a deadlock victim among them) fails the test here
            }
            loadOver.set(true);
            refreshes = refreshing.get();
            assertThat(reports).isEqualTo(WORKERS * ROUNDS);
        } finally {
            loadOver.set(true);
            pool.shutdownNow();
        }
        assertThat(refreshes).as("refreshes run beside the load").isGreaterThan(1);

        // Rows the load held during the last sweeps (its after-commit listeners may still write) are marked by the next.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var now = LocalDateTime.ofInstant(Instant.now().minusMillis(1), ZoneOffset.UTC);
            refresher.refresh();
            assertThat(jdbc.queryForObject("select count(*) from deadline_entry where completed_at is null and due_at < ? and status <> 'OVERDUE'",
                    Long.class, now)).as("open deadlines past their due time and not overdue").isZero();
        });
        assertThat(jdbc.queryForObject("select count(*) from deadline_entry where completed_at is not null and status in ('OPEN', 'AT_RISK', 'OVERDUE')",
                Long.class)).as("completed deadlines the refresher marked again").isZero();
        assertThat(output.getAll()).doesNotContain("Deadlock found", "Lock wait timeout exceeded", "try restarting transaction");
    }

    /**
     * The pattern behind the benchmark's deadlock, step by step: an engine transaction ends two tasks whose deadlines
     * have just passed (a cancelled instance, say), the later one first. Between the two, a refresh runs. A refresh that
     * waited for the first row while holding the second, which the engine wants next, would close the cycle; the refresh
     * skips the row the engine holds instead, and both finish.
     */
    @Test
    void aRefreshSkipsTheDeadlinesAnEngineTransactionHoldsAndBothFinish(CapturedOutput output) throws Exception {
        var instances = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            instances.add(runtime.startProcessInstanceByKey("isms-follow-up", Map.of("topic", "lock-order-" + i,
                    "candidateGroup", "managers", "dueDate", "2031-01-15")).getId());
        }
        var first = tasks.createTaskQuery().processInstanceId(instances.get(0)).singleResult().getId();
        var second = tasks.createTaskQuery().processInstanceId(instances.get(1)).singleResult().getId();
        for (String taskId : List.of(first, second)) {
            jdbc.update("update deadline_entry set status = 'OPEN', due_at = ?, warn_at = ? where source_type = ? and source_id = ?",
                    utc(Instant.now().minusSeconds(1)), utc(Instant.now().minusSeconds(60)), DeadlineSpec.USER_TASK, taskId);
        }
        var pool = Executors.newFixedThreadPool(2);
        var holdsSecond = new java.util.concurrent.CountDownLatch(1);
        var goOn = new java.util.concurrent.CountDownLatch(1);
        try {
            Future<?> engine = pool.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                tasks.complete(second, Map.of("outcome", "done"));
                registry.flush(); // the row is written, and locked, now
                holdsSecond.countDown();
                waitFor(goOn);
                tasks.complete(first, Map.of("outcome", "done"));
            }));
            holdsSecond.await();
            Future<?> refreshing = pool.submit(refresher::refresh);
            await().atMost(Duration.ofSeconds(60)).until(() -> refreshing.isDone() || waitingForALock() > 0);
            goOn.countDown();
            engine.get();
            refreshing.get();
        } finally {
            goOn.countDown();
            pool.shutdownNow();
        }
        assertThat(deadlines.statusOf(DeadlineSpec.USER_TASK, first)).contains(DeadlineStatus.MISSED);
        assertThat(deadlines.statusOf(DeadlineSpec.USER_TASK, second)).contains(DeadlineStatus.MISSED);
        refresher.refresh();
        assertThat(deadlines.statusOf(DeadlineSpec.USER_TASK, second)).contains(DeadlineStatus.MISSED);
        assertThat(output.getAll()).doesNotContain("Deadlock found", "Lock wait timeout exceeded", "try restarting transaction");
    }

    /** Transactions of this test's database waiting for a row lock. */
    private long waitingForALock() {
        return jdbc.queryForObject("select count(*) from information_schema.INNODB_TRX t join information_schema.PROCESSLIST p"
                + " on p.ID = t.trx_mysql_thread_id where t.trx_state = 'LOCK WAIT' and p.DB = database()", Long.class);
    }

    private static void waitFor(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One thread of load: per round a report with its plan, six follow-ups fallen overdue, two deadlines about to fall due. */
    private Callable<Integer> worker(int worker) {
        return () -> {
            var sysadmin = new WebClient(port).as("sysadmin", "demo");
            int reports = 0;
            for (int round = 0; round < ROUNDS; round++) {
                reportAndPlan(sysadmin, "load-" + UUID.randomUUID());
                reports++;
                followUpsFallenOverdue(worker, round);
                deadlinesFallingDue();
            }
            return reports;
        };
    }

    /** Intake as the benchmark drives it: the report through the API, its provisional plan as the engine's jobs. */
    private void reportAndPlan(WebClient sysadmin, String reference) throws Exception {
        String discovered = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        var response = sysadmin.postJson("/api/incidents", """
                {"externalReference": "%s", "title": "Load incident", "discoveredAt": "%s", "dataCategories": ["name"],
                 "affectedEstimate": {"US-TX": 3, "EU-DE": 2}}""".formatted(reference, discovered));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long incidentId = json.readTree(response.body()).path("id").asLong();
        var breach = runtime.createProcessInstanceQuery().processDefinitionKey(BreachResponseProcess.KEY)
                .variableValueEquals("incidentId", incidentId).singleResult();
        EngineJobs.runAllOf(management, breach.getId());
    }

    /**
     * Six follow-up tasks whose rows say open and a second past due, as a node finds them after its refresher was
     * away: two completed one by one, four deleted in one engine transaction (newest first, against the order of their
     * keys, as a cancelled process instance ends its tasks), while the refresher marks them overdue.
     */
    private void followUpsFallenOverdue(int worker, int round) {
        var instances = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            instances.add(runtime.startProcessInstanceByKey("isms-follow-up", Map.of("topic", "load-" + worker + "-" + round + "-" + i,
                    "candidateGroup", "managers", "dueDate", "2031-01-15")).getId());
        }
        var taskIds = instances.stream().map(id -> tasks.createTaskQuery().processInstanceId(id).singleResult().getId()).toList();
        for (String taskId : taskIds) {
            jdbc.update("update deadline_entry set status = 'OPEN', due_at = ?, warn_at = ? where source_type = ? and source_id = ?",
                    utc(Instant.now().minusSeconds(1)), utc(Instant.now().minusSeconds(60)), DeadlineSpec.USER_TASK, taskId);
        }
        tasks.complete(taskIds.get(0), Map.of("outcome", "done"));
        tasks.complete(taskIds.get(1), Map.of("outcome", "done"));
        runtime.deleteProcessInstances(List.of(instances.get(5), instances.get(4), instances.get(3), instances.get(2)), "load test", false, true);
    }

    /** Two deadlines due within a second: one completed as it passes, the other left for the refresher. */
    private void deadlinesFallingDue() {
        Instant now = Instant.now();
        String completed = UUID.randomUUID().toString();
        String left = UUID.randomUUID().toString();
        deadlines.track(spec(completed, now.minus(Duration.ofDays(1)), now.plusMillis(300)));
        deadlines.track(spec(left, now.minus(Duration.ofDays(1)), now.plusMillis(500)));
        deadlines.complete(DeadlineSpec.OBLIGATION, completed, Instant.now());
    }

    private static DeadlineSpec spec(String id, Instant created, Instant due) {
        return new DeadlineSpec(DeadlineSpec.OBLIGATION, id, BreachResponseProcess.KEY, "individuals", null, null,
                "Load " + id.substring(0, 8), "privacy-office", created, due, due.minus(Duration.ofHours(1)), null);
    }

    /** Vigil's tables keep instants as UTC date-times (hibernate.jdbc.time_zone). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
