package org.vigil.accessreview;

import static org.vigil.platform.ProcessVariable.booleanVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/access-revocation.bpmn, the one place that spells their names.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
public final class AccessRevocationVariables {

    private AccessRevocationVariables() {}

    public static final ProcessVariable<Long> REVOCATION_ID = longVariable("revocationId");
    public static final ProcessVariable<Long> CAMPAIGN_ID = longVariable("campaignId");
    /**
     * What IT operations removes, for the task's name and forms: the system, the account and the entitlement (staff
     * account names, never patient data), set at the start from the revocation.
     */
    static final ProcessVariable<String> SYSTEM_ID = stringVariable("systemId");
    static final ProcessVariable<String> ACCOUNT = stringVariable("account");
    static final ProcessVariable<String> ENTITLEMENT = stringVariable("entitlement");
    /** The remover's form: the access is removed (checked, or the completion is refused). */
    static final ProcessVariable<Boolean> REMOVED = booleanVariable("removed");
    /** Set by Vigil when a later snapshot no longer holds the access: the verification task is done without a person. */
    static final ProcessVariable<Boolean> VERIFIED_BY_SNAPSHOT = booleanVariable("verifiedBySnapshot");
    /** The verifier's form: the access is gone. */
    static final ProcessVariable<Boolean> REMOVAL_CONFIRMED = booleanVariable("removalConfirmed");
}
