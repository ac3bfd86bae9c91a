package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.VigilApplication;
import org.vigil.WebClient;

/**
 * Vigil as {@code ./mvnw spring-boot:run} starts it, on its own embedded MariaDB: first on a new data directory,
 * then again on the same one, each time through its generated account; and stopped, the server last.
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

    /**
     * On shutdown the engine and the pool close while the server still runs, and the server stops after them: none of
     * them meets a closed connection, and nothing waits out a connection timeout.
     */
    @Test
    void stopsItsServerOnlyAfterTheEngineAndThePoolHaveClosed() {
        var closing = new ClosingOrder();
        var vigil = start(closing);
        var server = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("--datadir=" + DATA_DIR))
                .findFirst().orElseThrow();
        var engine = vigil.getBean(ProcessEngine.class);
        var pool = vigil.getBean(HikariDataSource.class);
        assertThat(databaseUser(vigil)).isEqualTo("vigil@127.0.0.1");

        var warningsOnly = new ThresholdFilter();
        warningsOnly.setLevel("WARN");
        warningsOnly.start();
        var warnings = new ListAppender<ILoggingEvent>();
        warnings.addFilter(warningsOnly);
        warnings.start();
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(warnings);
        try {
            vigil.close();
        } finally {
            root.detachAppender(warnings);
        }

        assertThat(closing.order).containsSubsequence("engine", "pool", "server");
        assertThat(closing.whenTheServerStopped).containsExactly("engine closed", "pool closed", "server running");
        assertThat(server.isAlive()).as("mariadbd after the close").isFalse();
        assertThat(ProcessEngines.getProcessEngines()).doesNotContainValue(engine);
        assertThat(pool.isClosed()).isTrue();
        assertThat(warnings.list).as("warnings and errors while closing").extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    /** Records which of the engine, the pool and the server Spring destroys first, and what stood when the server's turn came. */
    private static final class ClosingOrder implements DestructionAwareBeanPostProcessor {
        final List<String> order = new CopyOnWriteArrayList<>();
        final List<String> whenTheServerStopped = new CopyOnWriteArrayList<>();
        private ProcessEngine engine;
        private HikariDataSource pool;

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof ProcessEngine created) {
                engine = created;
            } else if (bean instanceof HikariDataSource created) {
                pool = created;
            }
            return bean;
        }

        @Override
        public boolean requiresDestruction(Object bean) {
            return bean instanceof ProcessEngineFactoryBean || bean instanceof HikariDataSource || bean instanceof EmbeddedMariaDb;
        }

        @Override
        public void postProcessBeforeDestruction(Object bean, String beanName) {
            if (bean instanceof ProcessEngineFactoryBean) {
                order.add("engine");
            } else if (bean instanceof HikariDataSource) {
                order.add("pool");
            } else if (bean instanceof EmbeddedMariaDb server) {
                order.add("server");
                whenTheServerStopped.add(ProcessEngines.getProcessEngines().containsValue(engine) ? "engine open" : "engine closed");
                whenTheServerStopped.add(pool.isClosed() ? "pool closed" : "pool open");
                try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
                    whenTheServerStopped.add("server running");
                } catch (SQLException e) {
                    whenTheServerStopped.add("server gone");
                }
            }
        }
    }

    /** Command-line arguments, as a user passes them: they outrank application.yaml, unlike default properties. */
    private static ConfigurableApplicationContext start() {
        return start(null);
    }

    private static ConfigurableApplicationContext start(ClosingOrder closing) {
        var builder = new SpringApplicationBuilder(VigilApplication.class);
        if (closing != null) {
            builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(closing));
        }
        return builder
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
