package org.vigil.accessreview;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigil.access-review.*}. The cycle is a 6-field Spring cron in the company zone; the process then waits
 * for the first working day at {@code startTime} (weekends and the policy's holidays do not count).
 */
@ConfigurationProperties("vigil.access-review")
public record AccessReviewSettings(
        @DefaultValue("0 0 9 1 1,4,7,10 *") String cycle,
        @DefaultValue("09:00") LocalTime startTime,
        @DefaultValue("P14D") Period reviewPeriod,
        @DefaultValue("P7D") Period reminderBefore,
        @DefaultValue("P7D") Period closeAfterDue,
        @DefaultValue("P5D") Period signOffPeriod,
        @DefaultValue("") String fileDropDirectory,
        @DefaultValue("PT5M") Duration fileDropPollEvery) {}
