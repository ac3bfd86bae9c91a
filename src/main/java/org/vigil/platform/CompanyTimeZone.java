package org.vigil.platform;

import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Pins the JVM's default zone to {@code vigil.company.zone} before the engine starts: Camunda evaluates
 * timer cycles (cron) in the JVM's zone, so a quarterly review must not start at 09:00 UTC by accident.
 */
public class CompanyTimeZone implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String zone = environment.getProperty("vigil.company.zone");
        if (zone != null && !zone.isBlank()) {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
        }
    }
}
