package org.vigil.accessreview;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.access-review.*}. The cycle is a 6-field Spring cron in the company zone; the process then waits
 * for the first working day of the company calendar at {@code startTime}. Checked at start: a campaign that could
 * never start, or a review window of no length, is a configuration error, not a quiet quarter without review.
 */
@ConfigurationProperties("vigil.access-review")
@Validated
public record AccessReviewSettings(
        @NotNull @DefaultValue("0 0 9 1 1,4,7,10 *") String cycle,
        @NotNull @DefaultValue("09:00") LocalTime startTime,
        @NotNull @DefaultValue("P14D") Period reviewPeriod,
        @NotNull @DefaultValue("P7D") Period reminderBefore,
        @NotNull @DefaultValue("P7D") Period closeAfterDue,
        @NotNull @DefaultValue("P5D") Period signOffPeriod,
        @NotNull @DefaultValue("") String fileDropDirectory,
        @NotNull @DefaultValue("PT5M") Duration fileDropPollEvery) {

    @AssertTrue(message = "must be a 6-field Spring cron expression, e.g. 0 0 9 1 1,4,7,10 *")
    boolean isCycle() {
        return cycle == null || CronExpression.isValidExpression(cycle);
    }

    @AssertTrue(message = "review-period and sign-off-period must be longer than zero; reminder-before and close-after-due not negative")
    boolean isPeriodsPositive() {
        return reviewPeriod == null || signOffPeriod == null || reminderBefore == null || closeAfterDue == null
                || (isPositive(reviewPeriod) && isPositive(signOffPeriod) && !reminderBefore.isNegative() && !closeAfterDue.isNegative());
    }

    @AssertTrue(message = "must be longer than zero")
    boolean isFileDropPollEvery() {
        return fileDropPollEvery == null || !(fileDropPollEvery.isNegative() || fileDropPollEvery.isZero());
    }

    private static boolean isPositive(Period period) {
        return !period.isNegative() && !period.isZero();
    }
}
