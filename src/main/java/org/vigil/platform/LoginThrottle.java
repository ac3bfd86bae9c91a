package org.vigil.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted per client address and user together: after {@code max-failures} in a row that address
 * waits {@code lock-for} before it may try that user again, and the lock lifts by itself. A stranger guessing
 * at one address never locks the user out at another, which a lock per user (the engine's own) would.
 * Kept in memory per node and bounded in size, so a flood of made-up user names cannot exhaust it.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MOST_PAIRS_TRACKED = 100_000;

    /** {@code vigil.login-throttle}: failures in a row before an address waits, and how long it waits. */
    @ConfigurationProperties("vigil.login-throttle")
    record Settings(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockFor) {}

    private record Key(String address, String user) {}

    private record Failures(int inARow, Instant lockedUntil) {}

    private final Clock clock;
    private final Settings settings;
    private final Cache<Key, Failures> failures;

    LoginThrottle(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        // Failures older than the lock time are forgotten, so a lock never outlives it.
        this.failures = Caffeine.newBuilder().maximumSize(MOST_PAIRS_TRACKED).expireAfterWrite(settings.lockFor()).build();
    }

    /** How long this address must still wait before trying this user again; empty if it may try now. */
    Optional<Duration> waitFor(String address, String user) {
        Key key = key(address, user);
        Failures recorded = failures.getIfPresent(key);
        if (recorded == null || recorded.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), recorded.lockedUntil());
        if (left.isNegative() || left.isZero()) {
            failures.invalidate(key);
            return Optional.empty();
        }
        log.warn("Login refused without a password check: user {} from {} is throttled for another {} s",
                printable(user), printable(address), wholeSeconds(left));
        return Optional.of(left);
    }

    void failed(String address, String user) {
        Instant now = clock.instant();
        Failures recorded = failures.asMap().compute(key(address, user), (key, before) -> {
            boolean lockOver = before != null && before.lockedUntil() != null && !before.lockedUntil().isAfter(now);
            int inARow = before == null || lockOver ? 1 : before.inARow() + 1;
            return new Failures(inARow, inARow >= settings.maxFailures() ? now.plus(settings.lockFor()) : null);
        });
        if (recorded.lockedUntil() != null) {
            log.warn("Failed login: user {} from {}, {} in a row; this address waits {} before trying this user again",
                    printable(user), printable(address), recorded.inARow(), settings.lockFor());
        } else {
            log.warn("Failed login: user {} from {}, {} in a row", printable(user), printable(address), recorded.inARow());
        }
    }

    void succeeded(String address, String user) {
        failures.invalidate(key(address, user));
    }

    /** Logins through Spring Security (HTTP Basic and the login form); the webapps' login is seen by {@link LoginThrottleFilter}. */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(details.getRemoteAddress(), event.getAuthentication().getName());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            succeeded(details.getRemoteAddress(), event.getAuthentication().getName());
        }
    }

    /** Rounded up, so whoever waits that long finds the lock lifted. */
    static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static Key key(String address, String user) {
        // User ids are compared as the database compares them at worst: case-blind.
        return new Key(address, user.toLowerCase(Locale.ROOT));
    }

    /** A caller-chosen name as one harmless log token: no line breaks or other control characters, not too long. */
    private static String printable(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
