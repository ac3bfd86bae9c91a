package org.vigil.managementreview;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.management-review.*}. The cycles are 6-field Spring crons in the company zone; when one fires, the
 * review waits for the first working day from then at {@code start-time}. The defaults: the quarterly review on the
 * 8th of the month after each quarter (the second week, so the quarter's figures are complete), the monthly security
 * review on the 1st of each month, the annual ISMS review on 15 January. Periods count working days of the company
 * calendar. Checked at start: a cycle that could never fire is a configuration error, not a quiet year without reviews.
 */
@ConfigurationProperties("vigil.management-review")
@Validated
public record ManagementReviewSettings(
        @NotNull @DefaultValue("0 0 9 8 1,4,7,10 *") String quarterlyCycle,
        @NotNull @DefaultValue("0 0 9 1 * *") String monthlyCycle,
        @NotNull @DefaultValue("0 0 9 15 1 *") String annualCycle,
        @NotNull @DefaultValue("09:00") LocalTime startTime,
        /** Working days from the review's opening to the meeting's planned date. */
        @Min(2) @Max(120) @DefaultValue("10") int meetingWorkingDays,
        /** Working days before the meeting that the people's inputs are due. */
        @Min(1) @Max(60) @DefaultValue("3") int preparationLeadWorkingDays,
        /** Working days before an input is due that its owners are reminded. */
        @Min(0) @Max(60) @DefaultValue("2") int preparationReminderWorkingDays,
        /** Working days the chair has to sign the record off after the meeting. */
        @Min(1) @Max(60) @DefaultValue("5") int signOffWorkingDays,
        /** The groups owning the people's inputs. */
        @NotBlank @DefaultValue("ciso") String issuesOwner,
        @NotBlank @DefaultValue("privacy-office") String interestedPartiesOwner,
        @NotBlank @DefaultValue("managers") String objectivesOwner) {

    @AssertTrue(message = "quarterly-cycle, monthly-cycle and annual-cycle must be 6-field Spring cron expressions, e.g. 0 0 9 8 1,4,7,10 *")
    boolean isCycles() {
        return quarterlyCycle == null || monthlyCycle == null || annualCycle == null
                || (CronExpression.isValidExpression(quarterlyCycle) && CronExpression.isValidExpression(monthlyCycle)
                        && CronExpression.isValidExpression(annualCycle));
    }

    @AssertTrue(message = "preparation-lead-working-days must be shorter than meeting-working-days")
    boolean isPreparationBeforeMeeting() {
        return preparationLeadWorkingDays < meetingWorkingDays;
    }
}
