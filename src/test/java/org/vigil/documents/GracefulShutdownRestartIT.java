package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigil.TestDatabase;
import org.vigil.VigilApplication;

/**
 * Issue 16, item 5: a stop (what SIGTERM does: the context closes) in the middle of a letter batch and of running
 * jobs. The job executor stops acquiring, the jobs it runs finish, the ones it had acquired are unlocked; the batch
 * halts between two letters and releases its claim. Nothing is left held by the stopped node, so another node that
 * starts next runs the rest at once, and the batch ends with every letter exactly once.
 */
class GracefulShutdownRestartIT {

    private static final int LETTERS = 300;
    private static final int PROBES = 6;
    /** The application's job threads ({@code camunda.bpm.job-execution.core-pool-size}): the probes beyond wait in its queue. */
    private static final int JOB_THREADS = 4;

    @TempDir Path scratch;

    @Test
    void aStopLetsRunningJobsFinishAndReleasesEveryClaimSoAnotherNodeCarriesOnAtOnceWithNoLetterTwice() throws Exception {
        var probe = new ShutdownProbe();
        var first = start("nodea", probe);
        var documents = first.getBean(Documents.class);
        var list = new AffectedListKey("incident", ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
        documents.importAffectedIndividuals(list, new StringReader(LetterBatchIT.people(LETTERS, 0)));
        long batchId = documents.startLetterBatch(new LetterBatchOwner("obligation", list.id()), list, null, DocumentKind.INDIVIDUAL_NOTICE,
                SampleFacts.breach(), LetterFormat.PDF).id();

        first.getBean(RepositoryService.class).createDeployment().name("shutdown-probe").addModelInstance("shutdown-probe.bpmn",
                Bpmn.createExecutableProcess("shutdown-probe").name("Shutdown probe").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("Task_Hold").name("Hold").camundaAsyncBefore().camundaExpression("${shutdownProbe.hold()}")
                        .endEvent().done()).deploy();
        for (int i = 0; i < PROBES; i++) {
            first.getBean(RuntimeService.class).startProcessInstanceByKey("shutdown-probe");
        }
        var db = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.url(), TestDatabase.user(), TestDatabase.password()));
        await().atMost(Duration.ofSeconds(120)).until(() -> probe.started.get() == JOB_THREADS
                && db.queryForObject("select done from letter_batch where id = ?", Integer.class, batchId) >= 20);

        var stopping = new Thread(first::close, "stop-nodea");
        stopping.start();
        // The stop has begun: no more acquisition while the probes still run. Only now may they end.
        var jobExecutor = first.getBean(JobExecutor.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !jobExecutor.isActive());
        probe.release.countDown();
        stopping.join(Duration.ofSeconds(120).toMillis());
        assertThat(stopping.isAlive()).as("stopped within the grace").isFalse();

        var batch = db.queryForMap("select status, done, claimed_by, directory from letter_batch where id = ?", batchId);
        assertThat(batch.get("status")).isEqualTo("RUNNING");
        assertThat((Integer) batch.get("done")).isBetween(20, LETTERS - 1);
        assertThat(batch.get("claimed_by")).as("claim of the stopped node").isNull();
        try (var files = Files.list(Path.of((String) batch.get("directory")))) {
            assertThat(files.map(file -> file.getFileName().toString())).as("half-written parts").noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(db.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null or LOCK_EXP_TIME_ is not null", Long.class))
                .as("jobs locked by the stopped node").isZero();
        assertThat(probesEnded(db)).as("probes running at the stop, finished").isEqualTo(JOB_THREADS);
        assertThat(probe.finished.get()).isEqualTo(JOB_THREADS);

        try (var second = start("nodeb", probe)) {
            var resumed = second.getBean(Documents.class);
            await().atMost(Duration.ofSeconds(180)).until(() -> !resumed.letterBatch(batchId).orElseThrow().status().equals("RUNNING"));
            assertThat(resumed.letterBatch(batchId).orElseThrow().status()).isEqualTo("DONE");
            assertEveryLetterOnce(resumed, batchId);
            await().atMost(Duration.ofSeconds(60)).until(() -> probesEnded(db) == PROBES);
            assertThat(second.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey("shutdown-probe")
                    .unfinished().count()).isZero();
        }
    }

    private void assertEveryLetterOnce(Documents documents, long batchId) throws Exception {
        Path archive = scratch.resolve("letters.zip");
        try (var in = documents.openLetterArchive(batchId).orElseThrow()) {
            Files.copy(in, archive);
        }
        try (var zip = new ZipFile(archive.toFile())) {
            var letters = zip.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("letters/")).toList();
            assertThat(letters).hasSize(LETTERS).doesNotHaveDuplicates();
            var manifest = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.InputStreamReader(
                    zip.getInputStream(zip.getEntry("manifest.csv")), StandardCharsets.UTF_8)).getRecords();
            var sequences = manifest.stream().skip(1).map(record -> Integer.parseInt(record.get(0))).toList();
            assertThat(sequences).hasSize(LETTERS).doesNotHaveDuplicates().allMatch(sequence -> sequence >= 1 && sequence <= LETTERS);
        }
    }

    private static long probesEnded(JdbcTemplate db) {
        return db.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'shutdown-probe' and END_TIME_ is not null", Long.class);
    }

    /** Command-line arguments, as a user passes them: they outrank application-test.yaml (which turns the job executor off). */
    private static ConfigurableApplicationContext start(String node, ShutdownProbe probe) {
        return new SpringApplicationBuilder(VigilApplication.class)
                .profiles("demo", "test")
                // Registered by hand, not scanned: no other test context gets it.
                .initializers(context -> context.getBeanFactory().registerSingleton("shutdownProbe", probe))
                .run("--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        // Its own engine name (letters only), and no webapps: see RestartIT.
                        "--camunda.bpm.process-engine-name=shutdowncheck",
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--vigil.documents.node-id=" + node,
                        "--vigil.documents.batch-part-size=10");
    }

    /** The service task of the probe process: holds its job thread until the test lets it go. */
    public static final class ShutdownProbe {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        public void hold() throws InterruptedException {
            started.incrementAndGet();
            release.await();
            finished.incrementAndGet();
        }
    }
}
