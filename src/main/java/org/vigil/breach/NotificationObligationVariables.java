package org.vigil.breach;

import static org.vigil.platform.ProcessVariable.booleanVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import org.vigil.platform.ProcessVariable;


/**
 * The variables of processes/notification-obligation.bpmn, the one place that spells their names. The timers read
 * the obligation's dates through {@code obligationTimers.*(obligationId)}; the dispatch form's fields (sent at,
 * channel, proof) are read with {@link FormText} and {@link FactChecks} under the keys of forms/record-dispatch.form.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
public final class NotificationObligationVariables {

    private NotificationObligationVariables() {}

    public static final ProcessVariable<Long> OBLIGATION_ID = longVariable("obligationId");
    /** The incident the obligation belongs to, under the breach process's name. */
    static final ProcessVariable<Long> INCIDENT_ID = BreachResponseVariables.INCIDENT_ID;
    /**
     * Whom the notice goes to, in words ("Texas attorney general") and its jurisdiction's code ("US-TX"): shown on
     * the Tasklist cards (seeds/identity taskFilters). Derived from the rule catalog's codes, never PHI.
     */
    public static final ProcessVariable<String> NOTICE_RECIPIENT = stringVariable("noticeRecipient");
    public static final ProcessVariable<String> JURISDICTION = stringVariable("jurisdiction");
    static final ProcessVariable<String> NOTICE_REFERENCE = stringVariable("noticeReference");
    static final ProcessVariable<Boolean> NOTICE_APPROVED = booleanVariable("noticeApproved");
}
