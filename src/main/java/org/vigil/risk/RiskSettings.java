package org.vigil.risk;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.risk.*}. The cycles are 6-field Spring crons in the company zone; when one fires, the assessment waits
 * for the first working day from then at {@code start-time}. The defaults: the formal assessment of every asset in
 * January, the quarterly review of the high-priority PHI assets in April, July and October (January's is the formal
 * one, which covers them). Checked at start: a cycle that could never fire is a configuration error.
 */
@ConfigurationProperties("vigil.risk")
@Validated
public record RiskSettings(
        @NotNull @DefaultValue("0 0 9 1 1 *") String annualCycle,
        @NotNull @DefaultValue("0 0 9 1 4,7,10 *") String quarterlyCycle,
        @NotNull @DefaultValue("09:00") LocalTime startTime) {

    @AssertTrue(message = "annual-cycle and quarterly-cycle must be 6-field Spring cron expressions, e.g. 0 0 9 1 1 *")
    boolean isCycles() {
        return annualCycle == null || quarterlyCycle == null
                || (CronExpression.isValidExpression(annualCycle) && CronExpression.isValidExpression(quarterlyCycle));
    }
}
