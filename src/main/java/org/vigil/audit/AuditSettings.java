package org.vigil.audit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.audit.*}. The cycles are 6-field Spring crons in the company zone; left empty they are the
 * programme's (seeds/audit). Periods count working days of the company calendar. Checked at start: an audit
 * programme that could never start is a configuration error, not a quiet year without audits.
 */
@ConfigurationProperties("vigil.audit")
@Validated
public record AuditSettings(
        @NotNull @DefaultValue("") String comprehensiveCycle,
        @NotNull @DefaultValue("") String focusedCycle,
        @NotNull @DefaultValue("09:00") LocalTime startTime,
        /** Working days to plan an audit once it is opened. */
        @Min(1) @Max(250) @DefaultValue("10") int planWorkingDays,
        /** Working days the auditees have to respond to the draft report. */
        @Min(1) @Max(250) @DefaultValue("10") int responseWorkingDays,
        /** Working days before the response is due that the auditees are reminded. */
        @Min(0) @Max(250) @DefaultValue("3") int responseReminderWorkingDays,
        /** Working days the lead auditor has to finalize the report. */
        @Min(1) @Max(250) @DefaultValue("5") int finalizeWorkingDays,
        /** How often the open findings of an audit are followed up (ISO 8601 repeating interval). */
        @NotNull @DefaultValue("R/P1M") String followUpCycle) {

    @AssertTrue(message = "comprehensive-cycle and focused-cycle must be empty or 6-field Spring cron expressions, e.g. 0 0 9 1 1 *")
    boolean isCycles() {
        return comprehensiveCycle == null || focusedCycle == null
                || ((comprehensiveCycle.isBlank() || CronExpression.isValidExpression(comprehensiveCycle))
                        && (focusedCycle.isBlank() || CronExpression.isValidExpression(focusedCycle)));
    }

    @AssertTrue(message = "must be an ISO 8601 repeating interval, e.g. R/P1M")
    boolean isFollowUpCycle() {
        return followUpCycle == null || followUpCycle.matches("R\\d*/P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?");
    }

    @AssertTrue(message = "response-reminder-working-days must be shorter than response-working-days")
    boolean isReminderBeforeDue() {
        return responseReminderWorkingDays < responseWorkingDays;
    }
}
