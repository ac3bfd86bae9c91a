package org.vigil.accessreview;

import static org.vigil.platform.ProcessVariable.booleanVariable;
import static org.vigil.platform.ProcessVariable.longVariable;

import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/access-revocation.bpmn, the one place that spells their names.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
public final class AccessRevocationVariables {

    private AccessRevocationVariables() {}

    public static final ProcessVariable<Long> REVOCATION_ID = longVariable("revocationId");
    public static final ProcessVariable<Long> CAMPAIGN_ID = longVariable("campaignId");
    /** Set by Vigil when a later snapshot no longer holds the access: the verification task is done without a person. */
    static final ProcessVariable<Boolean> VERIFIED_BY_SNAPSHOT = booleanVariable("verifiedBySnapshot");
    /** The verifier's form: the access is gone. */
    static final ProcessVariable<Boolean> REMOVAL_CONFIRMED = booleanVariable("removalConfirmed");
}
