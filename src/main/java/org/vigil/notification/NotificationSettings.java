package org.vigil.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.notification.*}: the sender of every mail, and how old a failed mail must be before it is submitted
 * again. (The schedule {@code vigil.notification.retry-every} is read by its {@code @Scheduled} method.) Checked at
 * start: a sender the mail server cannot take would fail every mail, one retry at a time, and tell nobody.
 */
@ConfigurationProperties("vigil.notification")
@Validated
record NotificationSettings(
        @NotBlank @DefaultValue("vigil@localhost") String from,
        @NotNull @DefaultValue("PT1M") Duration retryAfter) {

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
        return retryAfter == null || !(retryAfter.isNegative() || retryAfter.isZero());
    }
}
