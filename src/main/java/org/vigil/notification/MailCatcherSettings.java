package org.vigil.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.notification.catcher.*}: the demo's mail catcher, an SMTP server inside Vigil on 127.0.0.1 that keeps
 * what it receives for the page {@code /demo/mails}. On in the {@code demo} profile only, where
 * {@code spring.mail.*} points at it; port 0 takes any free port.
 */
@ConfigurationProperties("vigil.notification.catcher")
@Validated
record MailCatcherSettings(
        @DefaultValue("false") boolean enabled,
        @Min(0) @Max(65535) @DefaultValue("3025") int port) {}
