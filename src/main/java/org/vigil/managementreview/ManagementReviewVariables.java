package org.vigil.managementreview;

import static org.vigil.platform.ProcessVariable.booleanVariable;
import static org.vigil.platform.ProcessVariable.dateVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import java.util.Date;
import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/management-review.bpmn and its schedules, the one place that spells their names: ids,
 * kinds, labels, groups and dates only. What people type (their inputs, minutes, decisions) lives encrypted in the
 * review's tables; the forms' free-text fields ({@code phi*}) are removed from the process once stored.
 */
public final class ManagementReviewVariables {

    private ManagementReviewVariables() {}

    /** quarterly | monthly | annual: set by the start timer, the schedule models, or the CISO's start. */
    public static final ProcessVariable<String> REVIEW_KIND = stringVariable("reviewKind");
    /** The period asked for by the CISO (2026-Q3, 2026-10, 2026); else the last complete period. */
    static final ProcessVariable<String> PERIOD_LABEL = stringVariable("periodLabel");
    static final ProcessVariable<String> STARTED_BY = stringVariable("startedBy");
    /** The schedule instance that started this review: a re-run of its job starts no second review. */
    static final ProcessVariable<String> SCHEDULED_BY = stringVariable("scheduledBy");

    public static final ProcessVariable<Long> REVIEW_ID = longVariable("reviewId");
    /** Set by Task_OpenReview: true when another review of the kind covers the period, and this instance ends. */
    static final ProcessVariable<Boolean> PERIOD_ALREADY_REVIEWED = booleanVariable("periodAlreadyReviewed");
    static final ProcessVariable<Date> MEETING_DUE_AT = dateVariable("meetingDueAt");
    static final ProcessVariable<Date> PREPARATION_DUE_AT = dateVariable("preparationDueAt");
    static final ProcessVariable<Date> PREPARATION_REMIND_AT = dateVariable("preparationRemindAt");
    /** One people's input in preparation (the multi-instance element): issues, interested-parties, objectives. */
    static final ProcessVariable<String> PREPARATION_INPUT = stringVariable("preparationInput");

    /** forms/management-review-prepare.form: the owner's input, free text, stored encrypted and removed. */
    static final ProcessVariable<String> STATEMENT = stringVariable("phiStatement");

    // forms/management-review-meeting.form
    static final ProcessVariable<String> MEETING_DATE = stringVariable("meetingDate");
    static final ProcessVariable<String> CHAIR = stringVariable("chair");
    static final ProcessVariable<String> ATTENDEES = stringVariable("attendees");
    static final ProcessVariable<String> MINUTES = stringVariable("phiMinutes");
    /** The decisions, a dynamic list (text, ownerGroup, owner, dueDate): stored encrypted and removed. */
    static final String DECISIONS = "phiDecisions";

    // forms/management-review-sign-off.form
    static final ProcessVariable<Boolean> SIGN_OFF = booleanVariable("signOff");
}
