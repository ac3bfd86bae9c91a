package org.vigil.platform;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background writes that share tables with the engine's and the users' transactions (the SLA refresh, a letter batch's
 * claim, the purge): each in a short transaction of its own, a periodic update in batches by primary key, and the
 * victim of a lock conflict (MariaDB's "deadlock found" 1213, "lock wait timeout" 1205) tried again a few times with a
 * growing, jittered pause. A conflict that outlasts the attempts is thrown as it came; a retried one is logged as a
 * warning without the database's message, so the log's deadlock errors are the ones that failed something.
 */
@Component
public class ShortTransactions {

    /** Rows per transaction of a periodic update: a few milliseconds of locks, never a range of the table. */
    public static final int BATCH = 100;
    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(ShortTransactions.class);

    private final TransactionTemplate transaction;
    private final RetryTemplate retry;

    ShortTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        // A transaction of its own even when called inside another: its locks go when it ends, not when the caller's do.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.retry = RetryTemplate.builder()
                .maxAttempts(ATTEMPTS)
                .exponentialBackoff(50, 2.0, 1_000, true)
                .retryOn(PessimisticLockingFailureException.class)
                .traversingCauses()
                .withListener(new RetryListener() {
                    @Override
                    public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable failure) {
                        if (context.getRetryCount() < ATTEMPTS && isLockConflict(failure)) {
                            log.warn("{}: lost a lock conflict (attempt {} of {}), trying again", context.getAttribute(RetryContext.NAME),
                                    context.getRetryCount(), ATTEMPTS);
                        }
                    }
                })
                .build();
    }

    /** {@code work} in a new transaction, tried again if it is the victim of a lock conflict; {@code what} names it in the log. */
    public <T> T run(String what, Supplier<T> work) {
        return retry.execute(context -> {
            context.setAttribute(RetryContext.NAME, what);
            return transaction.execute(status -> work.get());
        });
    }

    public void runWithoutResult(String what, Runnable work) {
        run(what, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Applies {@code update} to {@code keys} (primary keys, chosen beforehand by a plain read) {@value #BATCH} at a
     * time, each batch in its own transaction with its own retries; returns the sum of what the batches return.
     */
    public int inBatches(String what, List<Long> keys, ToIntFunction<List<Long>> update) {
        int changed = 0;
        for (int from = 0; from < keys.size(); from += BATCH) {
            var batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            changed += run(what, () -> update.applyAsInt(batch));
        }
        return changed;
    }

    private static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }
}
