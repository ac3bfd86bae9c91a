package org.vigil.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one clock every capability reads, in the company's zone: the engine's (tests move both at once). */
    @Bean
    Clock clock(@Value("${vigil.company.zone}") ZoneId companyZone) {
        return new EngineClock(companyZone);
    }
}
