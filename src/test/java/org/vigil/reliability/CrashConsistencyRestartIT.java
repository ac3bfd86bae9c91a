package org.vigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.platform.EmbeddedMariaDb;

/**
 * Crash consistency: the built jar on its embedded MariaDB, as a user runs it, under a bounded load through its APIs
 * (reports, task completions, uploads, letter batches, dispatches, dashboard reads), killed with SIGKILL at random
 * moments and started again each time, its database process stopped (SIGSTOP) for a few seconds now and then. Then
 * {@link ConsistencyCheck} proves that nothing acknowledged was lost and nothing happened twice.
 *
 * <p>Short form (in {@code ./mvnw verify}): 3 kills, each after 15 to 35 s of load. Long form:
 * {@code ./mvnw verify -Pcrash} (30 minutes, a kill every 20 to 90 s), or {@code -Dvigil.crash.minutes=N}.
 * {@code -Dvigil.crash.seed=S} replays a run's random choices (the load's timing still varies). Figures go to the
 * console and {@code target/crash-consistency.txt}.
 */
class CrashConsistencyRestartIT {

    private static final Path HOME = Path.of("target", "crash-consistency").toAbsolutePath();

    @Test
    void nothingAcknowledgedIsLostAndNothingHappensTwiceAcrossKillsAndDatabasePauses() throws Exception {
        long minutes = Long.getLong("vigil.crash.minutes", 0);
        boolean longForm = minutes > 0;
        long seed = Long.getLong("vigil.crash.seed", System.nanoTime());
        var random = new Random(seed);
        deleteRecursively(HOME);

        var mail = new GreenMail(new ServerSetup(VigilNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        var ledger = new Ledger();
        var lives = new ArrayList<String>();
        int pauses = 0;
        try (var node = new VigilNode("crash-node", Path.of("target", "vigil.jar").toAbsolutePath(), HOME,
                List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort()))) {
            Duration firstStart = node.start();
            lives.add(String.format(Locale.ROOT, "start %.1f s", firstStart.toMillis() / 1000.0));
            Instant begin = Instant.now();
            // Short: three lives of 15-35 s of load; long: kills every 20-90 s until the time is up.
            int kills = longForm ? Integer.MAX_VALUE : 3;
            Instant end = longForm ? begin.plus(Duration.ofMinutes(minutes)) : null;
            // Timer deadlines fall within the run, so each is due while a node is up or while it is down.
            Instant timersUntil = longForm ? end : begin.plusSeconds(150);
            var load = new BreachLoad(() -> node.alive() ? List.of(node.base()) : List.of(), ledger, seed, timersUntil);
            load.start(2);
            int killed = 0;
            while (killed < kills && (end == null || Instant.now().isBefore(end))) {
                long lifeMillis = longForm ? 20_000 + random.nextInt(70_000) : 15_000 + random.nextInt(20_000);
                long pauseAt = random.nextBoolean() || (!longForm && pauses == 0) ? random.nextLong(lifeMillis - 8_000) : -1;
                if (pauseAt >= 0) {
                    Thread.sleep(pauseAt);
                    var database = node.database().orElseThrow(() -> new AssertionError("No embedded MariaDB under " + node.name));
                    VigilNode.pause(database, Duration.ofMillis(2_000 + random.nextInt(4_000)));
                    pauses++;
                    Thread.sleep(Math.max(0, lifeMillis - pauseAt - 6_000));
                } else {
                    Thread.sleep(lifeMillis);
                }
                node.kill();
                killed++;
                Duration restart = node.start();
                lives.add(String.format(Locale.ROOT, "killed after %.0f s, started again in %.1f s", lifeMillis / 1000.0, restart.toMillis() / 1000.0));
            }
            // Let the load's last steps and the timers still due run on a node that stays up.
            Thread.sleep(longForm ? 30_000 : Math.max(0, Duration.between(Instant.now(), timersUntil).toMillis() + 10_000));
            load.stop();
            Duration ran = Duration.between(begin, Instant.now());

            var check = new ConsistencyCheck(node.embeddedJdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.passwordIn(node.embeddedDataDir()),
                    mail, node.base());
            String pending = check.awaitSettled(Duration.ofMinutes(3));
            var findings = check.check(ledger);

            String report = String.format(Locale.ROOT, "Crash consistency (%s form, seed %d): %d kills, %d database pauses in %d s%n",
                    longForm ? "long" : "short", seed, killed, pauses, ran.toSeconds())
                    + "  " + String.join("\n  ", lives) + "\n"
                    + String.format(Locale.ROOT, "  %-58s %d%n", "operations acknowledged", ledger.acknowledged())
                    + String.format(Locale.ROOT, "  %-58s %d%n", "requests unanswered (node down or database paused)", ledger.unanswered.get())
                    + String.format(Locale.ROOT, "  %-58s %d %s%n", "valid completions refused, then tried again", ledger.refusals.size(), ledger.refusals)
                    + findings.report()
                    + (pending.isEmpty() ? "" : "  still pending after 3 minutes: " + pending + "\n");
            System.out.println(report);
            Files.writeString(Path.of("target", "crash-consistency.txt"), report);

            assertThat(pending).as("work still pending long after the last restart").isEmpty();
            assertThat(findings.violations).as(report).isEmpty();
            assertThat(killed).isGreaterThanOrEqualTo(longForm ? 1 : 3);
            // The load did each kind of work, so the checks above had something to check.
            assertThat(findings.figures).as(report)
                    .hasEntrySatisfying("reports acknowledged", n -> assertThat(n).isPositive())
                    .hasEntrySatisfying("task completions acknowledged", n -> assertThat(n).isPositive())
                    .hasEntrySatisfying("uploads acknowledged", n -> assertThat(n).isPositive())
                    .hasEntrySatisfying("deadline timers due during the run", n -> assertThat(n).isPositive())
                    .hasEntrySatisfying("letter batches checked", n -> assertThat(n).isPositive())
                    .hasEntrySatisfying("mails sent according to the outbox", n -> assertThat(n).isPositive());
        } finally {
            mail.stop();
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
