package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.VigilApplication;
import org.vigil.WebClient;

/**
 * Vigil as {@code ./mvnw spring-boot:run} starts it, on its own embedded MariaDB: first on a new data directory,
 * then again on the same one, each time through its generated account.
 */
class EmbeddedDatabaseRestartIT {

    private static final Path DATA_DIR = Path.of("target", "embedded-database-it", "mariadb").toAbsolutePath();

    @Test
    void startsOnANewDataDirectoryAndAgainOnTheSameOneAsItsOwnDatabaseAccount() throws IOException {
        deleteRecursively(DATA_DIR);
        deleteRecursively(Path.of(DATA_DIR + "-tmp"));
        String password;
        long deployments;
        try (var first = start()) {
            assertThat(health(first)).contains("\"status\":\"UP\"");
            assertThat(databaseUser(first)).isEqualTo("vigil@127.0.0.1");
            password = Files.readString(DATA_DIR.resolve("vigil-password")).strip();
            deployments = deployments(first);
        }
        try (var again = start()) {
            assertThat(health(again)).contains("\"status\":\"UP\"");
            assertThat(databaseUser(again)).isEqualTo("vigil@127.0.0.1");
            assertThat(Files.readString(DATA_DIR.resolve("vigil-password")).strip()).isEqualTo(password);
            assertThat(deployments(again)).isEqualTo(deployments).isPositive();
        }
    }

    /** Command-line arguments, as a user passes them: they outrank application.yaml, unlike default properties. */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VigilApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0",
                        // No external server, whatever the environment says: the embedded one is under test.
                        "--spring.datasource.url=",
                        "--vigil.embedded-db.data-dir=" + DATA_DIR,
                        // Its own engine name (letters only: Camunda ignores others), so it never replaces a cached test context's engine.
                        "--camunda.bpm.process-engine-name=embeddedcheck",
                        // Closing a second application with the webapps would take them from the cached context.
                        "--camunda.bpm.webapp.enabled=false");
    }

    private static String health(ConfigurableApplicationContext vigil) {
        int port = ((WebServerApplicationContext) vigil).getWebServer().getPort();
        var response = new WebClient(port).get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String databaseUser(ConfigurableApplicationContext vigil) {
        return vigil.getBean(JdbcTemplate.class).queryForObject("SELECT CURRENT_USER()", String.class);
    }

    private static long deployments(ConfigurableApplicationContext vigil) {
        return vigil.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Long.class);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
