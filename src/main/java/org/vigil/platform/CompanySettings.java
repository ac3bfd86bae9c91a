package org.vigil.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.company.*}: the zone the company's clock, deadlines and timer cycles are read in, and where its
 * calendar of working days, working hours and holidays is read from at start.
 */
@ConfigurationProperties("vigil.company")
@Validated
public record CompanySettings(
        @NotNull ZoneId zone,
        @NotBlank @DefaultValue("classpath:seeds/calendar/company-calendar.yaml") String calendar) {}
