package org.vigil.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.notification.*}: the sender of every mail and how a mail the server did not take is tried again. The
 * first attempt follows the commit at once; after the n-th failure the next waits {@code retryAfter * backoffMultiplier^(n-1)},
 * at most {@code maxRetryAfter}, spread by {@code ± jitter} so that mails failed together do not return together;
 * after {@code maxAttempts} the mail is failed and IT operations get a task. Checked at start: a sender the mail
 * server cannot take would fail every mail and tell nobody, and a schedule that never backs off is what this replaced.
 */
@ConfigurationProperties("vigil.notification")
@Validated
record NotificationSettings(
        @NotBlank @DefaultValue("vigil@localhost") String from,
        @NotNull @DefaultValue("PT1M") Duration retryAfter,
        @DecimalMin("1.0") @DecimalMax("10.0") @DefaultValue("2.0") double backoffMultiplier,
        @NotNull @DefaultValue("PT2H") Duration maxRetryAfter,
        @DecimalMin("0.0") @DecimalMax("0.5") @DefaultValue("0.2") double jitter,
        @Min(1) @Max(100) @DefaultValue("10") int maxAttempts,
        @NotNull @DefaultValue("PT15S") Duration pollEvery,
        @Min(1) @Max(500) @DefaultValue("20") int batchSize) {

    /** As the mail sender reads it: one address, {@code vigil@example.org} or {@code Vigil <vigil@example.org>}. */
    @AssertTrue(message = "must be one e-mail address, e.g. vigil@example.org or Vigil <vigil@example.org>")
    boolean isFrom() {
        if (from == null || from.isBlank()) {
            return true;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, true);
            if (parsed.length != 1) {
                return false;
            }
            parsed[0].validate();
            return true;
        } catch (AddressException invalid) {
            return false;
        }
    }

    @AssertTrue(message = "must be longer than zero")
    boolean isRetryAfter() {
        return positive(retryAfter);
    }

    @AssertTrue(message = "must be longer than zero and at least vigil.notification.retry-after")
    boolean isMaxRetryAfter() {
        return maxRetryAfter == null || retryAfter == null || (positive(maxRetryAfter) && maxRetryAfter.compareTo(retryAfter) >= 0);
    }

    @AssertTrue(message = "must be longer than zero")
    boolean isPollEvery() {
        return positive(pollEvery);
    }

    /** The domain of the sender's address, for every mail's {@code Message-ID}: {@code example.org}. */
    String senderDomain() {
        try {
            String address = InternetAddress.parse(from, true)[0].getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException invalid) {
            throw new IllegalStateException("vigil.notification.from is not an address", invalid);
        }
    }

    private static boolean positive(Duration duration) {
        return duration == null || !(duration.isNegative() || duration.isZero());
    }
}
