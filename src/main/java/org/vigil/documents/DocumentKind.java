package org.vigil.documents;

import java.util.List;
import java.util.Map;

/** The documents Vigil renders, each with its template and the facts it cannot do without. */
public enum DocumentKind {

    /** 45 CFR 164.404(c): what happened and when, PHI involved, steps to take, what we do, how to reach us. */
    INDIVIDUAL_NOTICE("individual-notice", List.of("company.name", "company.address", "company.tollFreePhone", "company.email",
            "recipient.name", "recipient.postalAddress|recipient.email", "whatHappened", "breachDate", "discoveryDate", "phiTypes",
            "stepsForIndividuals", "whatWeAreDoing")),
    /** 164.404(d)(2)(ii): ten or more people out of reach; web posting for 90 days or major media, toll-free number. */
    SUBSTITUTE_NOTICE("substitute-notice", List.of("company.name", "company.tollFreePhone", "company.website", "whatHappened",
            "breachDate", "discoveryDate", "phiTypes", "stepsForIndividuals", "whatWeAreDoing", "unreachableCount")),
    /** 164.404(d)(2)(i): fewer than ten out of reach; telephone or another written form. */
    ALTERNATIVE_NOTICE("alternative-notice", List.of("company.name", "company.tollFreePhone", "whatHappened", "breachDate",
            "discoveryDate", "phiTypes", "stepsForIndividuals", "whatWeAreDoing", "unreachableCount")),
    /** 164.406: prominent media outlets serving a state with more than 500 residents affected. */
    MEDIA_NOTICE("media-notice", List.of("company.name", "company.tollFreePhone", "mediaArea", "affectedInJurisdiction",
            "whatHappened", "breachDate", "discoveryDate", "phiTypes", "stepsForIndividuals", "whatWeAreDoing")),
    /** 164.408: the fields of the HHS breach portal. */
    HHS_REPORT("hhs-report", List.of("company.name", "company.address", "company.privacyOfficer", "company.email",
            "company.tollFreePhone", "entityType", "breachDate", "discoveryDate", "affectedCount", "breachType",
            "breachLocation", "phiTypes", "safeguards", "actionsTaken", "businessAssociateInvolved")),
    /** A state attorney general's notice (per state statute; the common elements). */
    STATE_AG_NOTICE("state-ag-notice", List.of("company.name", "company.address", "company.privacyOfficer", "company.email",
            "company.tollFreePhone", "state", "affectedInJurisdiction", "whatHappened", "breachDate", "discoveryDate",
            "phiTypes", "noticeDate", "whatWeAreDoing")),
    /** GDPR Art. 33(3) (a)-(d), with Art. 33(1) reasons for delay and Art. 33(4) phasing when they apply. */
    GDPR_AUTHORITY_NOTICE("gdpr-authority-notice", List.of("company.name", "company.address", "company.privacyOfficer",
            "company.email", "authority", "whatHappened", "awarenessAt", "dataSubjectCategories", "approxDataSubjects",
            "recordCategories", "approxRecords", "consequences", "measures"), Map.of("late", List.of("delayReasons"))),
    /** 164.410: a business associate tells the covered entity, identifying each individual. */
    BUSINESS_ASSOCIATE_NOTICE("business-associate-notice", List.of("company.name", "company.address", "company.privacyOfficer",
            "company.tollFreePhone", "coveredEntity", "whatHappened", "breachDate", "discoveryDate", "phiTypes",
            "whatWeAreDoing", "individuals"));

    private final String template;
    private final List<String> requiredFacts;
    private final Map<String, List<String>> requiredWhen;

    DocumentKind(String template, List<String> requiredFacts) {
        this(template, requiredFacts, Map.of());
    }

    DocumentKind(String template, List<String> requiredFacts, Map<String, List<String>> requiredWhen) {
        this.template = template;
        this.requiredFacts = requiredFacts;
        this.requiredWhen = requiredWhen;
    }

    public String template() {
        return template;
    }

    /**
     * Dotted paths into the facts ({@code company.tollFreePhone}); each must be present and not blank or empty. A path
     * of alternatives ({@code recipient.postalAddress|recipient.email}) is satisfied by any one of them.
     */
    public List<String> requiredFacts() {
        return requiredFacts;
    }

    /**
     * Facts required only when a flag among the facts is true: a GDPR notification sent after 72 hours
     * ({@code late}) must give the reasons for the delay, Art. 33(1).
     */
    public Map<String, List<String>> requiredWhen() {
        return requiredWhen;
    }
}
