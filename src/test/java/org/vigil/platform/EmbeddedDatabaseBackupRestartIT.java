package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.EngineJobs;
import org.vigil.Multipart;
import org.vigil.VigilApplication;
import org.vigil.WebClient;

/**
 * The backup command dumps the embedded database while Vigil runs on it; the restore command loads the dump into a new
 * data directory; Vigil started there has every incident, process instance, timer, task and obligation of the moment of
 * the backup, and reads its encrypted fields with the same keys.
 */
class EmbeddedDatabaseBackupRestartIT {

    private static final Path ROOT = Path.of("target", "embedded-backup-it").toAbsolutePath();
    private static final Path ORIGINAL = ROOT.resolve("original").resolve("mariadb");
    private static final Path RESTORED = ROOT.resolve("restored").resolve("mariadb");
    private static final Path BACKUP = ROOT.resolve("backups").resolve("vigil.sql");
    private static final ObjectMapper json = new ObjectMapper();

    private static final String TITLE = "Discharge summaries e-mailed to the wrong clinic";
    private static final String DESCRIPTION = "Summaries of Jane Roe and 11 others went to the Elm Street clinic.";
    private static final String EVIDENCE = "2026-03-03 09:58 mail log: 12 messages to elm-street clinic\n";

    @Test
    void aBackupTakenWhileVigilRunsRestoresIntoANewDataDirectoryWithEveryIncidentObligationAndTimer() throws Exception {
        deleteRecursively(ROOT);
        long incidentId;
        State before;
        try (var original = start(ORIGINAL)) {
            incidentId = reportedAndPlanned(original);
            before = State.of(original, incidentId);
            assertThat(before.incident().path("title").asText()).isEqualTo(TITLE);
            assertThat(before.incident().path("obligations")).isNotEmpty();
            assertThat(before.timers()).as("the obligations' timers").hasSizeGreaterThanOrEqualTo(before.incident().path("obligations").size());

            // From another shell, as an operator would, while Vigil keeps running.
            assertThat(EmbeddedDatabaseBackup.run("--vigil.embedded-db.data-dir=" + ORIGINAL, "--vigil.backup.to=" + BACKUP)).isZero();

            // What happens after the backup is not in it.
            reportedAndPlanned(original);
        }
        String dump = Files.readString(BACKUP, StandardCharsets.ISO_8859_1);
        assertThat(dump).as("patient data stays encrypted in the backup").doesNotContain("Jane Roe", "Discharge summaries", "elm-street");
        assertThat(Files.getPosixFilePermissions(BACKUP)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

        assertThat(EmbeddedDatabaseBackup.run("--vigil.embedded-db.data-dir=" + RESTORED, "--vigil.restore.from=" + BACKUP)).isZero();
        // A restore never goes over a database.
        assertThat(EmbeddedDatabaseBackup.run("--vigil.embedded-db.data-dir=" + RESTORED, "--vigil.restore.from=" + BACKUP)).isEqualTo(1);

        try (var restored = start(RESTORED)) {
            var after = State.of(restored, incidentId);
            assertThat(after.incident()).isEqualTo(before.incident());
            assertThat(after.evidence()).isEqualTo(EVIDENCE);
            assertThat(after.instances()).isEqualTo(before.instances());
            assertThat(after.timers()).isEqualTo(before.timers());
            assertThat(after.tasks()).isEqualTo(before.tasks());
            assertThat(after.variables()).isEqualTo(before.variables());
            assertThat(restored.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey("breach-response").count())
                    .as("the incident reported after the backup").isEqualTo(1);

            // The restored Vigil goes on working: the triage is done and the process moves.
            var tasks = restored.getBean(TaskService.class);
            var triage = tasks.createTaskQuery().processInstanceId(after.breachInstance()).singleResult();
            tasks.complete(triage.getId(), Map.of("patientDataInvolved", true, "patientCareAffected", false, "medicalDeviceInvolved", false,
                    "insiderSuspected", false, "estimatedAffected", 12));
            assertThat(tasks.createTaskQuery().processInstanceId(after.breachInstance()).singleResult().getTaskDefinitionKey())
                    .isNotEqualTo(triage.getTaskDefinitionKey());
        }
    }

    /** An incident reported by staff, with its evidence, planned provisionally: obligations with their processes and timers. */
    private static long reportedAndPlanned(ConfigurableApplicationContext vigil) throws IOException {
        int port = port(vigil);
        var reported = new WebClient(port).as("staff", "demo").postJson("/api/incidents", """
                {"title": "%s", "description": "%s", "discoveredAt": "%s", "affectedEstimate": {"US-NY": 12, "US-TX": 600}}"""
                .formatted(TITLE, DESCRIPTION, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = json.readTree(reported.body()).path("id").asLong();
        var runtime = vigil.getBean(RuntimeService.class);
        var management = vigil.getBean(ManagementService.class);
        // The provisional plan, which the job executor (off in tests) makes right after the report.
        runtime.createProcessInstanceQuery().processDefinitionKey("breach-response").list()
                .forEach(instance -> EngineJobs.runAllOf(management, instance.getId()));
        var evidence = new Multipart().file("file", "mail.log", "text/plain", EVIDENCE.getBytes(StandardCharsets.UTF_8)).field("note", "mail log");
        var attached = new WebClient(port).as("sysadmin", "demo").post("/api/incidents/" + incidentId + "/evidence", evidence.contentType(),
                new String(evidence.bytes(), StandardCharsets.UTF_8));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        return incidentId;
    }

    /** What a restore must keep: the incident as the privacy office reads it, its evidence, and the engine's state. */
    private record State(JsonNode incident, String evidence, String breachInstance, Map<String, String> instances,
            Map<String, String> timers, Map<String, String> tasks, Map<String, Object> variables) {

        static State of(ConfigurableApplicationContext vigil, long incidentId) throws IOException {
            var privacy = new WebClient(port(vigil)).as("privacy", "demo");
            var incident = json.readTree(privacy.get("/api/incidents/" + incidentId).body());
            var auditor = new WebClient(port(vigil)).as("auditor", "demo");
            var evidenceList = json.readTree(auditor.get("/api/incidents/" + incidentId + "/evidence").body());
            String evidence = new String(auditor.getBytes("/api/incidents/" + incidentId + "/evidence/" + evidenceList.get(0).path("id").asLong()).body(),
                    StandardCharsets.UTF_8);

            var runtime = vigil.getBean(RuntimeService.class);
            var management = vigil.getBean(ManagementService.class);
            var taskService = vigil.getBean(TaskService.class);
            String breach = runtime.createProcessInstanceQuery().processDefinitionKey("breach-response")
                    .variableValueEquals("incidentId", incidentId).singleResult().getId();
            var instances = new TreeMap<String, String>();
            runtime.createProcessInstanceQuery().list().forEach(instance -> instances.put(instance.getId(),
                    instance.getProcessDefinitionId() + " " + instance.getBusinessKey() + " at " + runtime.getActiveActivityIds(instance.getId())));
            var timers = new TreeMap<String, String>();
            management.createJobQuery().timers().list().forEach(timer -> timers.put(timer.getId(), timer.getProcessInstanceId() + " "
                    + management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult().getActivityId()
                    + " due " + timer.getDuedate().toInstant() + " retries " + timer.getRetries()));
            var tasks = new TreeMap<String, String>();
            taskService.createTaskQuery().list().forEach(task -> tasks.put(task.getId(), task.getTaskDefinitionKey() + " '" + task.getName()
                    + "' due " + task.getDueDate() + " follow-up " + task.getFollowUpDate() + " of " + task.getProcessInstanceId()));
            return new State(incident, evidence, breach, instances, timers, tasks, new TreeMap<>(runtime.getVariables(breach)));
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(VigilApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0",
                        // No external server, whatever the environment says: the embedded one is under test.
                        "--spring.datasource.url=",
                        "--vigil.embedded-db.data-dir=" + dataDir,
                        // Its own engine name (letters only: Camunda ignores others), so it never replaces a cached test context's engine.
                        "--camunda.bpm.process-engine-name=backupcheck",
                        // Closing a second application with the webapps would take them from the cached context.
                        "--camunda.bpm.webapp.enabled=false");
    }

    private static int port(ConfigurableApplicationContext vigil) {
        return ((WebServerApplicationContext) vigil).getWebServer().getPort();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
