package org.vigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.platform.EmbeddedMariaDb;

/**
 * Two nodes, one database: two JVMs of the built jar, each with its job executor on, on one MariaDB (the server in
 * {@code VIGIL_TEST_DB_URL}, a fresh database on it, or else one embedded MariaDB started here that both point at) and
 * one shared letters folder. First the throughput of one node and then of both; then the crash test's load spread over
 * both while one node is killed (SIGKILL) and started again. The checker then proves every timer fired once, every
 * mail went out once, every letter batch ran once; and the SLA refresher and the digest, scheduled on both nodes, ran
 * once per period in all, not once per node (summed from each node's {@code vigil_scheduled_runs_total}).
 */
class TwoNodesRestartIT {

    private static final Path HOME = Path.of("target", "two-nodes").toAbsolutePath();
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(10);
    private static final Duration DIGEST_EVERY = Duration.ofSeconds(15);
    private static final Pattern RUNS = Pattern.compile("vigil_scheduled_runs_total\\{[^}]*task=\"([^\"]+)\"[^}]*} ([0-9.E]+)");

    @Test
    void aTimerAMailALetterBatchAndEachPeriodsScheduledTaskHappenOnceAcrossTwoNodesWhileOneIsKilled() throws Exception {
        deleteRecursively(HOME);
        Files.createDirectories(HOME);
        var database = Database.forTwoNodes();
        var mail = new GreenMail(new ServerSetup(VigilNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path jar = Path.of("target", "vigil.jar").toAbsolutePath();
        List<String> settings = List.of("--spring.datasource.url=" + database.url, "--spring.datasource.username=" + database.user,
                "--spring.datasource.password=" + database.password,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                // Periods short enough to count in a few minutes; a node running them on its own would double them.
                "--vigil.sla.refresh-every=" + REFRESH_EVERY, "--vigil.sla.digest-cron=*/" + DIGEST_EVERY.toSeconds() + " * * * * *");
        Path letters = HOME.resolve("letters");
        var report = new StringBuilder();
        try (database; var a = new VigilNode("node-a", jar, HOME.resolve("a"), letters, settings);
                var b = new VigilNode("node-b", jar, HOME.resolve("b"), letters, settings)) {
            // Started one after the other: the first creates the schema and deploys the models.
            report.append(String.format(Locale.ROOT, "  node-a started in %.1f s%n", a.start().toMillis() / 1000.0));
            double one = reportsPerSecond(List.of(a), database, 60);
            report.append(String.format(Locale.ROOT, "  node-b started in %.1f s%n", b.start().toMillis() / 1000.0));
            double two = reportsPerSecond(List.of(a, b), database, 60);
            report.append(String.format(Locale.ROOT, "  %-58s %.1f/s%n  %-58s %.1f/s%n",
                    "reports planned per second, one node", one, "reports planned per second, two nodes", two));

            var runs = new ScheduledRuns(List.of(a, b));
            var sampler = Executors.newSingleThreadScheduledExecutor(task -> {
                var thread = new Thread(task, "scheduled-runs");
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleAtFixedRate(runs::sample, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
            Instant begin = Instant.now();
            var ledger = new Ledger();
            Instant timersUntil = begin.plusSeconds(120);
            var load = new BreachLoad(() -> Stream.of(a, b).filter(VigilNode::ready).map(VigilNode::base).toList(), ledger,
                    System.nanoTime(), timersUntil);
            load.start(2);
            Thread.sleep(30_000);
            b.kill();
            runs.killed(b);
            Duration restart = b.start();
            report.append(String.format(Locale.ROOT, "  node-b killed after 30 s of load, started again in %.1f s%n", restart.toMillis() / 1000.0));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), timersUntil).toMillis() + 10_000));
            load.stop();

            var check = new ConsistencyCheck(database.url, database.user, database.password, mail, a.base());
            String pending = check.awaitSettled(Duration.ofMinutes(3));
            runs.sample();
            sampler.shutdownNow();
            Duration window = Duration.between(begin, Instant.now());
            var findings = check.check(ledger);
            long refreshes = runs.total("sla-refresh");
            long digests = runs.total("sla-digest");
            long refreshPeriods = window.toSeconds() / REFRESH_EVERY.toSeconds();
            long digestPeriods = window.toSeconds() / DIGEST_EVERY.toSeconds();
            long digestMails;
            try (var db = check.connect()) {
                digestMails = ConsistencyCheck.single(db, "SELECT COUNT(*) FROM outbound_mail WHERE event_key LIKE 'sla-digest:%'");
            }
            report.append(String.format(Locale.ROOT, "  %-58s %d in %d periods (per node: %s)%n", "SLA refresh runs", refreshes, refreshPeriods, runs.perNode("sla-refresh")))
                    .append(String.format(Locale.ROOT, "  %-58s %d in %d periods (per node: %s); %d digest mail(s) queued today%n", "SLA digest runs",
                            digests, digestPeriods, runs.perNode("sla-digest"), digestMails))
                    .append(String.format(Locale.ROOT, "  %-58s %d%n", "operations acknowledged", ledger.acknowledged()))
                    .append(String.format(Locale.ROOT, "  %-58s %d%n", "requests unanswered (node down)", ledger.unanswered.get()))
                    .append(String.format(Locale.ROOT, "  %-58s %d %s%n", "valid completions refused, then tried again", ledger.refusals.size(), ledger.refusals))
                    .append(findings.report())
                    .append(pending.isEmpty() ? "" : "  still pending after 3 minutes: " + pending + "\n");
            String text = "Two nodes, one database (" + database.kind + "):\n" + report;
            System.out.println(text);
            Files.writeString(Path.of("target", "two-nodes.txt"), text);

            assertThat(pending).as(text).isEmpty();
            assertThat(findings.violations).as(text).isEmpty();
            // Once per period in all: runs are at least four fifths of a period apart, whichever node makes them.
            assertThat(refreshes).as(text).isBetween(refreshPeriods / 2, refreshPeriods * 5 / 4 + 2);
            assertThat(digests).as(text).isBetween(digestPeriods / 2, digestPeriods * 5 / 4 + 2);
            assertThat(digestMails).as(text).isLessThanOrEqualTo(1);
            assertThat(findings.figures).as(text)
                    .hasEntrySatisfying("deadline timers due during the run", n -> assertThat(n).isPositive())
                    .hasEntrySatisfying("letter batches checked", n -> assertThat(n).isPositive())
                    .hasEntrySatisfying("mails sent according to the outbox", n -> assertThat(n).isPositive());
        } finally {
            mail.stop();
        }
    }

    /**
     * {@code count} reports posted at concurrency 8 spread over the nodes, each planned in the background by a job
     * (its provisional plan: obligations, their processes and timers): reports per second from the first post until
     * no job is due any more.
     */
    private static double reportsPerSecond(List<VigilNode> nodes, Database database, int count) throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("sysadmin:demo".getBytes(StandardCharsets.UTF_8));
        String discovered = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        var next = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        var pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        var done = new ArrayList<Future<?>>();
        for (int worker = 0; worker < 8; worker++) {
            done.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    String body = "{\"externalReference\":\"TPUT-" + run + "-" + i + "\",\"title\":\"Throughput\",\"discoveredAt\":\"" + discovered
                            + "\",\"dataCategories\":[\"name\"],\"affectedEstimate\":{\"US-TX\":3}}";
                    var response = http.send(HttpRequest.newBuilder(URI.create(nodes.get(i % nodes.size()).base() + "/api/incidents"))
                            .header("Authorization", auth).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("POST /api/incidents answered " + response.statusCode());
                    }
                }
                return null;
            }));
        }
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
        try (var db = DriverManager.getConnection(database.url, database.user, database.password)) {
            while (ConsistencyCheck.single(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND (DUEDATE_ IS NULL OR DUEDATE_ <= NOW())") > 0) {
                Thread.sleep(200);
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Each node's count of scheduled runs, sampled every second; a killed node's count starts again from zero. */
    private static final class ScheduledRuns {
        private final List<VigilNode> nodes;
        private final Map<String, Map<String, Long>> last = new HashMap<>();
        private final Map<String, Map<String, Long>> total = new HashMap<>();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

        ScheduledRuns(List<VigilNode> nodes) {
            this.nodes = nodes;
        }

        synchronized void sample() {
            for (var node : nodes) {
                if (!node.ready()) {
                    continue;
                }
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/actuator/prometheus")).timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sysadmin:demo".getBytes(StandardCharsets.UTF_8)))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    var matcher = RUNS.matcher(response.body());
                    // A node's first sample is the baseline: its runs before the window (start, throughput) do not count.
                    boolean baseline = !last.containsKey(node.name);
                    var counts = last.computeIfAbsent(node.name, n -> new HashMap<>());
                    while (matcher.find()) {
                        long value = (long) Double.parseDouble(matcher.group(2));
                        long before = counts.getOrDefault(matcher.group(1), 0L);
                        total.computeIfAbsent(node.name, n -> new HashMap<>()).merge(matcher.group(1), baseline ? 0 : Math.max(0, value - before), Long::sum);
                        counts.put(matcher.group(1), value);
                    }
                } catch (Exception notNow) {
                    // A node going down or coming up; the next sample catches up.
                }
            }
        }

        /**
         * The restarted node counts from zero, and every run it counts is in the window. Runs after the last sample
         * before the kill are lost with the node's memory: at most a second's worth.
         */
        synchronized void killed(VigilNode node) {
            last.put(node.name, new HashMap<>());
        }

        synchronized long total(String task) {
            return total.values().stream().mapToLong(counts -> counts.getOrDefault(task, 0L)).sum();
        }

        synchronized String perNode(String task) {
            var parts = new ArrayList<String>();
            total.forEach((node, counts) -> parts.add(node + " " + counts.getOrDefault(task, 0L)));
            parts.sort(Comparator.naturalOrder());
            return String.join(", ", parts);
        }
    }

    /**
     * The database both nodes share: on the server in VIGIL_TEST_DB_URL, the database it names emptied (or a fresh one
     * when it names {@code test}, dropped at the end); else an embedded MariaDB of this test.
     */
    private static final class Database implements AutoCloseable {
        final String kind;
        final String url;
        final String user;
        final String password;
        private final AutoCloseable cleanup;

        private Database(String kind, String url, String user, String password, AutoCloseable cleanup) {
            this.kind = kind;
            this.url = url;
            this.user = user;
            this.password = password;
            this.cleanup = cleanup;
        }

        static Database forTwoNodes() throws Exception {
            String server = System.getProperty("vigil.test.db.url", System.getenv("VIGIL_TEST_DB_URL"));
            if (server == null || server.isBlank() || server.startsWith("${")) {
                var embedded = EmbeddedMariaDb.start(HOME.resolve("mariadb"), 0, "vigil");
                return new Database("one embedded MariaDB", embedded.jdbcUrl(), embedded.user(), embedded.password(), embedded);
            }
            String user = System.getenv().getOrDefault("VIGIL_TEST_DB_USER", "root");
            String password = System.getenv().getOrDefault("VIGIL_TEST_DB_PASSWORD", "");
            String base = server.replaceFirst("(jdbc:mariadb://[^/?]+).*", "$1");
            // The database the URL names, emptied first, unless it is the shared "test": then one of this run's own.
            String named = server.replaceFirst("jdbc:mariadb://[^/?]+/?([^/?]*).*", "$1");
            String name = named.isBlank() || named.equals("test") ? "vigil_two_nodes_" + ProcessHandle.current().pid() : named;
            try (var connection = DriverManager.getConnection(base + "/", user, password); var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
                statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            return new Database("MariaDB at " + base + "/" + name, base + "/" + name, user, password, () -> {
                if (name.equals(named)) {
                    return; // a database the caller named is kept for a look inside
                }
                try (var connection = DriverManager.getConnection(base + "/", user, password); var statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
                }
            });
        }

        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
