package org.vigil.accessreview;

import static org.vigil.platform.ProcessVariable.booleanVariable;
import static org.vigil.platform.ProcessVariable.dateVariable;
import static org.vigil.platform.ProcessVariable.intVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import java.util.Date;
import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/access-review.bpmn, the one place that spells their names: ids, flags, user ids, dates
 * and counts only. The model reads {@code ${itemCount}}, {@code ${dueAt}}, {@code ${remindAt}} and {@code ${closesAt}};
 * the reviewer's and the owner's forms (forms/access-review*.form) write the decision fields.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
public final class AccessReviewVariables {

    private AccessReviewVariables() {}

    // The start: who asked, for which systems, and whether only what changed since the last campaign.
    public static final ProcessVariable<String> STARTED_BY = stringVariable("startedBy");
    static final ProcessVariable<Boolean> CHANGES_ONLY = booleanVariable("changesOnly");
    static final ProcessVariable<String> SYSTEM_IDS = stringVariable("systemIds");

    // The opened campaign.
    public static final ProcessVariable<Long> CAMPAIGN_ID = longVariable("campaignId");
    static final ProcessVariable<Integer> ITEM_COUNT = intVariable("itemCount");
    static final ProcessVariable<Integer> REVIEWER_COUNT = intVariable("reviewerCount");
    static final ProcessVariable<Date> DUE_AT = dateVariable("dueAt");
    static final ProcessVariable<Date> REMIND_AT = dateVariable("remindAt");
    static final ProcessVariable<Date> CLOSES_AT = dateVariable("closesAt");

    /** One reviewer's review (the multi-instance element) and one system's sign-off. */
    static final ProcessVariable<String> REVIEWER = stringVariable("reviewer");
    static final ProcessVariable<String> SYSTEM_ID = stringVariable("systemId");

    // The reviewer's form: one decision per line, and a bulk decision for the rest.
    static final ProcessVariable<String> DECISIONS = stringVariable("decisions");
    static final ProcessVariable<String> BULK_DECISION = stringVariable("bulkDecision");
    static final ProcessVariable<String> BULK_SCOPE = stringVariable("bulkScope");
    static final ProcessVariable<String> BULK_REASON = stringVariable("bulkReason");

    /**
     * Local to a review task: the reviewer's items, a row each, which the form lists (forms/access-review-decide.form,
     * a dynamic list) with a decision and a reason per row; {@code item} ids, staff account names, entitlements and flags,
     * never patient data. Local to the reviewer's execution, so it ends with the review.
     */
    static final String REVIEW_ITEMS = "reviewItems";
    /** Local to a system's sign-off execution: the system's items with their decisions, which the owner's form shows as a table. */
    static final String SYSTEM_ITEMS = "systemItems";

    // The owner's sign-off form.
    static final ProcessVariable<Boolean> ATTESTED = booleanVariable("attested");
    static final ProcessVariable<String> SIGN_OFF_COMMENT = stringVariable("signOffComment");

    // The close.
    static final ProcessVariable<Integer> EXCEPTION_COUNT = intVariable("exceptionCount");
    static final ProcessVariable<String> REPORT_SHA256 = stringVariable("reportSha256");
}
