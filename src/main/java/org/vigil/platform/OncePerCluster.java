package org.vigil.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * Scheduled work that must run once per period in a cluster, not once per node (the SLA statuses, the daily digest).
 * Every node keeps its schedule; the first to reach a period's run takes a named lock in the database (ShedLock, table
 * {@code shedlock}, in the database's own time so the nodes' clocks need not agree) and keeps it for four fifths of
 * the period, at most five minutes, after the run: the other nodes' runs of that period find it taken and skip. A
 * node that dies while running frees the lock after a period, at most ten minutes.
 *
 * <p>Each run is counted per node in {@code vigil_scheduled_runs_total{task}}: summed over the nodes, once per period.
 */
@Service
public class OncePerCluster {

    private static final Duration LONGEST_HOLD = Duration.ofMinutes(5);
    private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

    private final LockingTaskExecutor executor;
    private final Clock clock;
    private final MeterRegistry registry;

    OncePerCluster(DataSource dataSource, Clock clock, MeterRegistry registry) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build()));
        this.clock = clock;
        this.registry = registry;
    }

    /** Runs {@code task} unless another node ran {@code name} within this period; returns whether it ran here. */
    public boolean run(String name, Duration period, Runnable task) {
        Duration hold = min(period.multipliedBy(4).dividedBy(5), LONGEST_HOLD);
        Duration atMost = max(hold, min(period, LONGEST_RUN));
        try {
            return executor.executeWithLock((LockingTaskExecutor.TaskWithResult<Boolean>) () -> {
                task.run();
                Counter.builder("vigil.scheduled.runs").description("Runs of a task scheduled once per cluster, on this node")
                        .tag("task", name).register(registry).increment();
                return true;
            }, new LockConfiguration(clock.instant(), name, atMost, hold)).wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same for a cron schedule: the period is the time between its next two runs (a day for a daily cron). */
    public boolean run(String name, String cron, java.time.ZoneId zone, Runnable task) {
        var expression = CronExpression.parse(cron);
        ZonedDateTime next = expression.next(ZonedDateTime.now(clock).withZoneSameInstant(zone));
        ZonedDateTime after = next == null ? null : expression.next(next);
        return run(name, next == null || after == null ? LONGEST_RUN : Duration.between(next, after), task);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
