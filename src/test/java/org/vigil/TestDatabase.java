package org.vigil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.platform.EmbeddedMariaDb;

/**
 * The MariaDB every test of one JVM shares: a fresh database on the server named by {@code VIGIL_TEST_DB_URL}
 * (dropped when the JVM ends), or else one embedded MariaDB with a fresh data directory under {@code target/}.
 */
public final class TestDatabase {

    private static String url;
    private static String user = env("VIGIL_TEST_DB_USER", "root");
    private static String password = env("VIGIL_TEST_DB_PASSWORD", "");

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            String server = System.getProperty("vigil.test.db.url", System.getenv("VIGIL_TEST_DB_URL"));
            url = server == null || server.isBlank() || server.startsWith("${") ? embedded() : freshDatabaseOn(server);
        }
        return url;
    }

    public static String user() {
        url();
        return user;
    }

    public static String password() {
        url();
        return password;
    }

    /** A database of its own, beside the shared one, for a test that needs an empty or a prepared one. */
    public record Separate(String url, String user, String password) {}

    /**
     * A fresh database named after {@code purpose} on the server of {@code VIGIL_TEST_DB_URL} (dropped when the JVM
     * ends), or else on an embedded MariaDB of its own: Vigil's account on the shared embedded server may use one
     * database only.
     */
    public static synchronized Separate separate(String purpose) {
        String server = System.getProperty("vigil.test.db.url", System.getenv("VIGIL_TEST_DB_URL"));
        if (server == null || server.isBlank() || server.startsWith("${")) {
            Path dataDir = Path.of("target", "test-mariadb-" + purpose, "data").toAbsolutePath();
            deleteRecursively(dataDir);
            EmbeddedMariaDb separate = EmbeddedMariaDb.start(dataDir, 0, "vigil_" + purpose);
            afterSpringContextsClosed(separate::close);
            return new Separate(separate.jdbcUrl(), separate.user(), separate.password());
        }
        url();
        String database = "vigil_test_" + ProcessHandle.current().pid() + "_" + purpose;
        String base = server.replaceFirst("(jdbc:mariadb://[^/?]+).*", "$1");
        try (var connection = DriverManager.getConnection(base + "/", user, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + base + ": " + e.getMessage(), e);
        }
        afterSpringContextsClosed(() -> dropDatabase(base, database));
        return new Separate(base + "/" + database, user, password);
    }

    private static String embedded() {
        Path dataDir = Path.of("target", "test-mariadb", "data").toAbsolutePath();
        deleteRecursively(dataDir);
        EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0, "vigil_test");
        afterSpringContextsClosed(server::close);
        user = server.user();
        password = server.password();
        return server.jdbcUrl();
    }

    /** Another build running beside this one (a second checkout) keeps its database: only the dead's are dropped. */
    private static boolean ownedByLiveProcess(String database) {
        String[] parts = database.split("_");
        try {
            return parts.length >= 3 && ProcessHandle.of(Long.parseLong(parts[2])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String freshDatabaseOn(String serverUrl) {
        String database = "vigil_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() % 100_000;
        String base = serverUrl.replaceFirst("(jdbc:mariadb://[^/?]+).*", "$1");
        try (var connection = DriverManager.getConnection(base + "/", user, password);
                var statement = connection.createStatement()) {
            // Camunda looks for its tables across every database the user can see: a test database left behind by a
            // killed run would make a fresh one look installed. Test databases are this suite's own namespace.
            var stale = new java.util.ArrayList<String>();
            try (var databases = statement.executeQuery("SHOW DATABASES LIKE 'vigil\\_test\\_%'")) {
                while (databases.next()) {
                    String name = databases.getString(1);
                    if (!ownedByLiveProcess(name)) {
                        stale.add(name);
                    }
                }
            }
            for (String old : stale) {
                statement.execute("DROP DATABASE IF EXISTS `" + old + "`");
            }
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + base + ": " + e.getMessage(), e);
        }
        afterSpringContextsClosed(() -> dropDatabase(base, database));
        return base + "/" + database;
    }

    private static void dropDatabase(String base, String database) {
        try (var connection = DriverManager.getConnection(base + "/", user, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException ignored) {
            // Best effort: a leftover test database is harmless and named as such.
        }
    }

    /**
     * Runs {@code action} when the JVM exits, once the cached Spring contexts have closed: their engines and pools still
     * use the database while they close. A JVM shutdown hook of its own would run beside Spring's and could stop the
     * server under them (the pool then waited out its 30 s connection timeout, and Surefire killed the JVM). Spring
     * Boot's shutdown handlers run in its own hook after every context it started has closed.
     */
    static void afterSpringContextsClosed(Runnable action) {
        SpringApplication.getShutdownHandlers().add(action);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Points a Spring test context at the shared test database. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + url(),
                    "spring.datasource.username=" + user(),
                    "spring.datasource.password=" + password(),
                    "spring.mail.host=127.0.0.1",
                    "spring.mail.port=" + TestMailServer.port()).applyTo(context);
        }
    }
}
