package org.vigil.bench;

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
import java.util.regex.Pattern;
import org.vigil.platform.EmbeddedMariaDb;

/** The built jar, started as a user starts it, with the JVM settings of the README's run command. */
final class VigilProcess implements AutoCloseable {

    private final Process process;
    private final Duration startToHealthy;
    private final Path log;
    private final Path embeddedDataDir;

    private VigilProcess(Process process, Duration startToHealthy, Path log, Path embeddedDataDir) {
        this.process = process;
        this.startToHealthy = startToHealthy;
        this.log = log;
        this.embeddedDataDir = embeddedDataDir;
    }

    static VigilProcess start(Path jar, Path dataDir, String externalDb, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port,
                "--vigil.embedded-db.data-dir=" + embeddedDataDir(dataDir), "--logging.level.root=warn", "--logging.level.org.vigil=info",
                // The SLA refresher sweeps the rows intake writes every few seconds rather than once a minute: the
                // intake's deadlock count then covers a dozen sweeps, not one or two.
                "--vigil.sla.refresh-every=" + System.getProperty("vigil.bench.sla-refresh-every", "PT5S")));
        if (externalDb != null && !externalDb.isBlank()) {
            command.add("--spring.datasource.url=" + externalDb);
            command.add("--spring.datasource.username=" + System.getenv().getOrDefault("VIGIL_BENCH_DB_USER", "root"));
            command.add("--spring.datasource.password=" + System.getenv().getOrDefault("VIGIL_BENCH_DB_PASSWORD", ""));
        }
        Path log = dataDir.resolve("vigil.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var http = HttpClient.newHttpClient();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Vigil exited during start; see " + log);
            }
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Duration.ofNanos(System.nanoTime() - start).toSeconds() > 180) {
                process.destroy();
                throw new IllegalStateException("Vigil was not healthy after 180 s; see " + log);
            }
            Thread.sleep(200);
        }
        return new VigilProcess(process, Duration.ofNanos(System.nanoTime() - start), log, embeddedDataDir(dataDir));
    }

    private static Path embeddedDataDir(Path dataDir) {
        return dataDir.resolve("mariadb");
    }

    private static boolean external() {
        String external = System.getenv("VIGIL_BENCH_DB_URL");
        return external != null && !external.isBlank();
    }

    /** How far the log has grown: {@link #logSince(long)} reads what came after. */
    long logSize() throws IOException {
        return Files.size(log);
    }

    /** The log's lines written after {@code offset} (a {@link #logSize()} taken earlier). */
    List<String> logSince(long offset) throws IOException {
        try (var file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(tail);
            return new String(tail, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
    }

    Duration startToHealthy() {
        return startToHealthy;
    }

    long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }

    /** The database the process uses, read from its log line (embedded) or the environment (a server). */
    String jdbcUrl() throws IOException {
        String external = System.getenv("VIGIL_BENCH_DB_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        var matcher = Pattern.compile("Embedded MariaDB started on port (\\d+)").matcher(Files.readString(log));
        if (!matcher.find()) {
            throw new IllegalStateException("No embedded MariaDB port in " + log + " (run with logging at info for org.vigil)");
        }
        return "jdbc:mariadb://127.0.0.1:" + matcher.group(1) + "/vigil";
    }

    String dbUser() {
        return external() ? System.getenv().getOrDefault("VIGIL_BENCH_DB_USER", "root") : EmbeddedMariaDb.USER;
    }

    /** The embedded server lets in only Vigil's account, whose password the application keeps in its data directory. */
    String dbPassword() throws IOException {
        return external() ? System.getenv().getOrDefault("VIGIL_BENCH_DB_PASSWORD", "") : EmbeddedMariaDb.passwordIn(embeddedDataDir);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
