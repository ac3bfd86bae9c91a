package org.vigil.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * On a stop (SIGTERM, a closed context) the job executor stops acquiring, the jobs it runs finish, and the jobs it
 * acquired but had not started are unlocked (Camunda's own runnable unlocks instead of running once the executor is
 * inactive), all within {@code spring.lifecycle.timeout-per-shutdown-phase}. Without it, acquisition went on until the
 * engine closed among the last beans, and the thread pool was cut first: running jobs were interrupted and acquired
 * ones stayed locked to the stopped node for the lock time (5 minutes) before any node could run them.
 *
 * <p>In the highest phase, so it runs while the database pool and the beans jobs call are all still there.
 */
@Component
class JobExecutorShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

    private final ObjectProvider<JobExecutor> jobExecutor;
    private final ObjectProvider<TaskExecutor> jobThreads;
    private final Duration grace;
    private volatile boolean running;

    JobExecutorShutdown(ObjectProvider<JobExecutor> jobExecutor, @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration grace) {
        this.jobExecutor = jobExecutor;
        this.jobThreads = jobThreads;
        this.grace = grace;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        var executor = jobExecutor.getIfAvailable();
        if (executor == null) {
            callback.run(); // job execution is off (the tests drive jobs themselves)
            return;
        }
        var stopper = new Thread(() -> {
            try {
                drain(executor);
            } finally {
                callback.run();
            }
        }, "job-executor-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    private void drain(JobExecutor executor) {
        executor.shutdown(); // stops acquiring; from now on a queued job is unlocked instead of run
        if (jobThreads.getIfAvailable() instanceof ThreadPoolTaskExecutor threads && threads.getThreadPoolExecutor() != null) {
            var pool = threads.getThreadPoolExecutor();
            pool.shutdown(); // lets the running jobs end and the queued ones unlock
            try {
                if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.info("Job executor stopped: no more acquisition, running jobs finished, acquired ones unlocked");
                } else {
                    log.warn("Job executor: {} jobs still running after {}; they run again once their lock expires", pool.getActiveCount(), grace);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        var stopped = new java.util.concurrent.CountDownLatch(1);
        stop(stopped::countDown);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
