package org.vigil.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built jar ({@code target/vigil.jar}) in a JVM of its own, started as a user starts it (the run command's JVM
 * settings, the demo users), on its own embedded MariaDB or on a server both nodes of a cluster share. It is killed as
 * a crash kills it (SIGKILL: no shutdown hook, no clean stop of anything) and started again on the same data.
 *
 * <p>Every process it starts is remembered by pid (the JVM and the MariaDB server it runs), so the test ends exactly
 * those and nothing of anyone else's.
 */
final class VigilNode implements AutoCloseable {

    private static final Pattern EMBEDDED_PORT = Pattern.compile("Embedded MariaDB started on port (\\d+)");

    /** Everything this JVM started through a node, ended at the latest when the test ends. */
    private static final Set<ProcessHandle> started = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stream().filter(ProcessHandle::isAlive)
                .forEach(ProcessHandle::destroyForcibly), "vigil-node-cleanup"));
    }

    final String name;
    final int port;
    private final Path home;
    private final Path jar;
    private final List<String> settings;
    private final Path letters;
    private Process process;
    private volatile boolean ready;
    private int lives;

    /**
     * @param name     the node's name, also its letter-batch claim name ({@code vigil.documents.node-id})
     * @param home     its folder: embedded data directory, letters, logs
     * @param settings further {@code --name=value} arguments (mail server, database)
     */
    VigilNode(String name, Path jar, Path home, List<String> settings) {
        this(name, jar, home, home.resolve("letters"), settings);
    }

    /** @param letters the letter batches' folder, which the nodes of a cluster share */
    VigilNode(String name, Path jar, Path home, Path letters, List<String> settings) {
        this.name = name;
        this.jar = jar;
        this.home = home;
        this.letters = letters;
        this.settings = List.copyOf(settings);
        this.port = freePort();
    }

    /** Starts the jar and waits until {@code /actuator/health} says UP; returns the time it took. */
    Duration start() throws IOException, InterruptedException {
        lives++;
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--vigil.embedded-db.data-dir=" + embeddedDataDir(),
                "--vigil.documents.batch-dir=" + letters,
                "--vigil.documents.node-id=" + name,
                // Mail goes to the test's own SMTP sink; the demo's catcher would take one fixed port per host.
                "--vigil.notification.catcher.enabled=false",
                "--logging.level.root=warn",
                "--logging.level.org.vigil=info"));
        command.addAll(settings);
        long begin = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        started.add(process.toHandle());
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log());
            }
            database().ifPresent(started::add);
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    database().ifPresent(started::add);
                    ready = true;
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Duration.ofNanos(System.nanoTime() - begin).toSeconds() > 240) {
                kill();
                throw new IllegalStateException(name + " was not healthy after 240 s; see " + log());
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL, as the OOM killer or a power cut ends it: no shutdown hook runs. Its embedded MariaDB, if any, lives on. */
    void kill() throws InterruptedException {
        ready = false;
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Up and healthy: started, and not killed since. */
    boolean ready() {
        return ready && alive();
    }

    /** The MariaDB server this node runs itself (embedded), while the node runs. */
    Optional<ProcessHandle> database() {
        if (process == null) {
            return Optional.empty();
        }
        return process.toHandle().descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
                .findFirst();
    }

    String base() {
        return "http://localhost:" + port;
    }

    Path log() {
        return home.resolve("vigil-" + lives + ".log");
    }

    Path embeddedDataDir() {
        return home.resolve("mariadb");
    }

    /** The JDBC URL of the embedded server, read from the current log ("Embedded MariaDB started on port ..."). */
    String embeddedJdbcUrl() throws IOException {
        var matcher = EMBEDDED_PORT.matcher(Files.readString(log()));
        if (!matcher.find()) {
            throw new IllegalStateException("No embedded MariaDB port in " + log());
        }
        return "jdbc:mariadb://127.0.0.1:" + matcher.group(1) + "/vigil";
    }

    /** A clean stop (SIGTERM: Spring closes the engine, then its MariaDB), and then whatever it left running. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        // A server orphaned by a kill and not stopped by a later start: ours, so ours to end.
        for (ProcessHandle handle : started) {
            if (handle.isAlive() && handle.info().command().map(command -> command.endsWith("mariadbd")).orElse(false)
                    && handle.info().arguments().map(arguments -> String.join(" ", arguments).contains(home.toString())).orElse(false)) {
                handle.destroy();
                handle.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally(timeout -> {
                    handle.destroyForcibly();
                    return handle;
                }).join();
            }
        }
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGSTOP, then SIGCONT after {@code pause}: a database that stops answering for a while (I/O stall, a VM paused). */
    static void pause(ProcessHandle database, Duration pause) throws IOException, InterruptedException {
        signal("STOP", database);
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            signal("CONT", database);
        }
    }

    private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0 && process.isAlive()) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }
}
