package org.vigil.platform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CompanySettings.class, SeedSettings.class, SiteSettings.class})
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /** The one clock every capability reads, in the company's zone: the engine's (tests move both at once). */
    @Bean
    Clock clock(CompanySettings company) {
        return new EngineClock(company.zone());
    }

    /** The company calendar, read and checked once at start: a bad file stops the start, naming the entry. */
    @Bean
    CompanyCalendar companyCalendar(CompanySettings company, ResourceLoader resources, Clock clock) {
        String location = company.calendar();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("Company calendar " + location + " (vigil.company.calendar) not found");
        }
        CompanyCalendar calendar;
        try (InputStream in = resource.getInputStream()) {
            calendar = CompanyCalendarFile.read(in, location, company.zone());
        } catch (IOException e) {
            throw new IllegalStateException("Company calendar " + location + " (vigil.company.calendar) is not readable", e);
        }
        int thisYear = clock.instant().atZone(company.zone()).getYear();
        if (!calendar.listsHolidaysIn(thisYear)) {
            log.warn("Company calendar {} lists no holidays for {}: every working day of the week counts", location, thisYear);
        }
        return calendar;
    }
}
