package org.vigil.sla;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.sla.*}: where the SLA policies are read from, how soon a failed response-time update is retried, and
 * how long the dashboard's figures may be reused. (The schedules {@code vigil.sla.refresh-every},
 * {@code .retry-every} and {@code .digest-cron} are read by their {@code @Scheduled} methods.)
 */
@ConfigurationProperties("vigil.sla")
@Validated
record SlaSettings(
        @NotBlank @DefaultValue("classpath:seeds/sla/policies.yaml") String policies,
        @NotNull @DefaultValue("PT1M") Duration retryAfter,
        @NotNull @DefaultValue("PT10S") Duration summaryMaxAge) {}
