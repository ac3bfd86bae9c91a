package org.vigil.breach;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due and follow-up dates of the breach-response tasks, as {@code ${breachDates.triageDue()}} in the model.
 * Patient-safety incidents are contained within hours; the rest by severity. Elapsed time only: where
 * seeds/sla/policies.yaml has a policy for the step (triage, containment, investigation), the SLA listener replaces
 * these dates as the task is created, in working time of the company calendar where the policy says so.
 */
// Public: the models call it through JUEL, which invokes only methods of public classes.
@Component("breachDates")
public class BreachDates {

    private final Clock clock;

    BreachDates(Clock clock) {
        this.clock = clock;
    }

    public Date triageDue() { return in(Duration.ofHours(4)); }
    public Date triageFollowUp() { return in(Duration.ofHours(2)); }

    public Date containmentDue(String severity, String category) { return in(containmentTime(severity, category)); }
    public Date containmentFollowUp(String severity, String category) { return in(containmentTime(severity, category).dividedBy(2)); }

    public Date investigationDue() { return in(Duration.ofDays(5)); }
    public Date investigationFollowUp() { return in(Duration.ofDays(3)); }
    public Date assessmentDue() { return in(Duration.ofDays(3)); }
    public Date assessmentFollowUp() { return in(Duration.ofDays(2)); }
    public Date approvalDue() { return in(Duration.ofDays(2)); }
    public Date approvalFollowUp() { return in(Duration.ofDays(1)); }
    public Date reviewDue() { return in(Duration.ofDays(30)); }
    /** A duty stays owed while its withdrawal waits: decide within a working day's worth of hours. */
    public Date confirmationDue() { return in(Duration.ofHours(24)); }
    public Date confirmationFollowUp() { return in(Duration.ofHours(8)); }
    public Date reviewFollowUp() { return in(Duration.ofDays(21)); }

    static Duration containmentTime(String severity, String category) {
        if ("patient_safety_device".equals(category) || "patient_care_outage".equals(category)) {
            return Duration.ofHours(4);
        }
        return switch (severity == null ? "" : severity) {
            case "critical" -> Duration.ofHours(4);
            case "high" -> Duration.ofHours(24);
            case "medium" -> Duration.ofHours(72);
            default -> Duration.ofDays(7);
        };
    }

    private Date in(Duration duration) {
        return Date.from(clock.instant().plus(duration));
    }
}
