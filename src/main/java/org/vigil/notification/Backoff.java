package org.vigil.notification;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long a mail waits after its n-th failed attempt: exponential, capped, with jitter, so that a mail server back
 * after an hour is not hit by every mail queued in that hour in the same second.
 */
final class Backoff {

    private final Duration first;
    private final double multiplier;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    Backoff(NotificationSettings settings, DoubleSupplier random) {
        this.first = settings.retryAfter();
        this.multiplier = settings.backoffMultiplier();
        this.max = settings.maxRetryAfter();
        this.jitter = settings.jitter();
        this.random = random;
    }

    /** The wait after the {@code failedAttempts}-th failure (1 for the first): {@code first * multiplier^(n-1)}, at most max, ± jitter. */
    Duration after(int failedAttempts) {
        double millis = first.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        millis = Math.min(millis, max.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(millis * spread)));
    }
}
