package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.vigil.TestDatabase;
import org.vigil.VigilApplication;

/**
 * The current version starts on a database of the previous release and reads what was recorded there.
 *
 * <p>The fixture {@code upgrade/vigil-647fe2b.sql.gz} is the database of Vigil at commit 647fe2b (the last before the
 * migrations were renumbered and Camunda's tables became a migration), made by running that jar in the demo profile
 * on an empty database, reporting one incident through {@code POST /api/incidents} (600 people in Texas, 20 in
 * Germany: seven provisional obligations with their timers) and uploading a list of two people, then
 * {@code mariadb-dump --hex-blob --single-transaction --skip-dump-date --skip-comments --no-tablespaces}. A release
 * that changes the schema makes the next fixture the same way (README, Upgrading).
 */
class SchemaUpgradeRestartIT {

    private static final String FIXTURE = "upgrade/vigil-647fe2b.sql.gz";

    private static TestDatabase.Separate database;

    @BeforeAll
    static void restoreThePreviousRelease() throws IOException, SQLException {
        database = TestDatabase.separate("upgrade");
        byte[] dump;
        try (var in = new GZIPInputStream(new ClassPathResource(FIXTURE).getInputStream())) {
            dump = in.readAllBytes();
        }
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            // What the dump sets in MariaDB's conditional comments, which the script reader skips as comments.
            try (var statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                statement.execute("SET time_zone = '+00:00'");
            }
            ScriptUtils.executeSqlScript(connection, new EncodedResource(new ByteArrayResource(dump), StandardCharsets.UTF_8));
            try (var statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                try (var timers = statement.executeQuery("SELECT ID_ FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND PROCESS_INSTANCE_ID_ IS NOT NULL")) {
                    while (timers.next()) {
                        timersOfTheRelease.add(timers.getString(1));
                    }
                }
            }
        }
    }

    /** The timer jobs of process instances in the previous release's database, as restored. */
    private static final java.util.List<String> timersOfTheRelease = new java.util.ArrayList<>();

    @Test
    void theCurrentVersionStartsOnThePreviousReleasesDatabaseAndReadsItsRecords() throws Exception {
        try (var vigil = start()) {
            Flyway flyway = vigil.getBean(Flyway.class);
            flyway.validate();
            assertThat(flyway.info().pending()).as("pending migrations").isEmpty();
            var newest = java.util.Arrays.stream(flyway.info().all()).map(m -> m.getVersion()).max(java.util.Comparator.naturalOrder());
            assertThat(flyway.info().current().getVersion()).isEqualTo(newest.orElseThrow());

            assertThat(vigil.getBean(ManagementService.class).createSchemaLogQuery().orderByTimestamp().desc().list())
                    .first().satisfies(entry -> assertThat(entry.getVersion())
                            .startsWith(CamundaSchemaMigration.CAMUNDA_MINOR + "."));

            JsonNode incident = incidentOne(vigil);
            assertThat(incident.path("externalReference").asText()).isEqualTo("UPGRADE-FIXTURE-1");
            // Decrypted with the key it was sealed with (the demo key): encrypted fields survived.
            assertThat(incident.path("description").asText())
                    .isEqualTo("A laptop holding a clinic schedule with patient names was stolen");
            assertThat(incident.path("obligations")).hasSize(7);
            assertThat(incident.path("obligations").findValuesAsText("deadline")).contains("2026-12-02T09:00:00Z");

            var runtime = vigil.getBean(RuntimeService.class);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("incident-1").count()).isOne();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("notification-obligation").count())
                    .as("one process per obligation").isEqualTo(7);
            // The release's instances keep every timer; start timers are the models' own, replaced with a new version
            // of a model, and new models (audits, reviews) bring theirs.
            assertThat(vigil.getBean(ManagementService.class).createJobQuery().timers().list())
                    .extracting(org.camunda.bpm.engine.runtime.Job::getId)
                    .as("the reminders, escalations and deadlines recorded before").containsAll(timersOfTheRelease);
            assertThat(timersOfTheRelease).hasSize(21);
        }
    }

    @Test
    void theUpgradedDatabaseStartsAgainUnchanged() throws Exception {
        String history;
        try (var first = start()) {
            history = first.getBean(Flyway.class).info().applied().length + " applied";
        }
        try (var second = start()) {
            assertThat(second.getBean(Flyway.class).info().applied().length + " applied").isEqualTo(history);
            assertThat(incidentOne(second).path("title").asText()).isEqualTo("Laptop stolen from a clinic car");
        }
    }

    private static JsonNode incidentOne(ConfigurableApplicationContext vigil) throws Exception {
        int port = ((WebServerApplicationContext) vigil).getWebServer().getPort();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("privacy:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VigilApplication.class)
                .profiles("demo", "test")
                .properties(
                        "server.port=0",
                        // Its own engine name, so it never replaces a cached test context's engine (see RestartIT).
                        "camunda.bpm.process-engine-name=upgradecheck",
                        "camunda.bpm.webapp.enabled=false",
                        "spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.user(),
                        "spring.datasource.password=" + database.password())
                .run();
    }
}
