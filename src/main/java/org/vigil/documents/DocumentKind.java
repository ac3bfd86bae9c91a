package org.vigil.documents;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** The documents Vigil renders, each with its template and the facts it cannot do without. */
@NamedInterface("api")
public enum DocumentKind {

    /** 45 CFR 164.404(c): what happened and when, PHI involved, steps to take, what we do, how to reach us. */
    INDIVIDUAL_NOTICE("individual-notice", "individual notice", List.of("company.name", "company.address", "company.tollFreePhone", "company.email",
            "recipient.name", "recipient.postalAddress|recipient.email", "whatHappened", "breachDate", "discoveryDate", "phiTypes",
            "stepsForIndividuals", "whatWeAreDoing")),
    /**
     * GDPR (and UK GDPR) Art. 34(2): to each data subject, in clear and plain language, the nature of the breach and
     * Art. 33(3)(b)-(d): the data protection officer or other contact point, the likely consequences, the measures
     * taken or proposed.
     */
    DATA_SUBJECT_NOTICE("data-subject-notice", "communication to the data subjects", List.of("company.name", "company.privacyOfficer",
            "company.email", "recipient.name", "recipient.postalAddress|recipient.email", "whatHappened", "discoveryDate", "consequences",
            "measures")),
    /** 164.404(d)(2)(ii): ten or more people out of reach; web posting for 90 days or major media, toll-free number. */
    SUBSTITUTE_NOTICE("substitute-notice", "substitute notice", List.of("company.name", "company.tollFreePhone", "company.website", "whatHappened",
            "breachDate", "discoveryDate", "phiTypes", "stepsForIndividuals", "whatWeAreDoing", "unreachableCount")),
    /** 164.404(d)(2)(i): fewer than ten out of reach; telephone or another written form. */
    ALTERNATIVE_NOTICE("alternative-notice", "alternative notice", List.of("company.name", "company.tollFreePhone", "whatHappened", "breachDate",
            "discoveryDate", "phiTypes", "stepsForIndividuals", "whatWeAreDoing", "unreachableCount")),
    /** 164.406: prominent media outlets serving a state with more than 500 residents affected. */
    MEDIA_NOTICE("media-notice", "media notice", List.of("company.name", "company.tollFreePhone", "mediaArea", "affectedInJurisdiction",
            "whatHappened", "breachDate", "discoveryDate", "phiTypes", "stepsForIndividuals", "whatWeAreDoing")),
    /** 164.408: the fields of the HHS breach portal. */
    HHS_REPORT("hhs-report", "HHS breach report", List.of("company.name", "company.address", "company.privacyOfficer", "company.email",
            "company.tollFreePhone", "entityType", "breachDate", "discoveryDate", "affectedCount", "breachType",
            "breachLocation", "phiTypes", "safeguards", "actionsTaken", "businessAssociateInvolved")),
    /** A state attorney general's notice (per state statute; the common elements). */
    STATE_AG_NOTICE("state-ag-notice", "attorney general's notice", List.of("company.name", "company.address", "company.privacyOfficer", "company.email",
            "company.tollFreePhone", "state", "affectedInJurisdiction", "whatHappened", "breachDate", "discoveryDate",
            "phiTypes", "noticeDate", "whatWeAreDoing")),
    /** GDPR Art. 33(3) (a)-(d), with Art. 33(1) reasons for delay and Art. 33(4) phasing when they apply. */
    GDPR_AUTHORITY_NOTICE("gdpr-authority-notice", "notification to the supervisory authority", List.of("company.name", "company.address", "company.privacyOfficer",
            "company.email", "authority", "whatHappened", "awarenessAt", "dataSubjectCategories", "approxDataSubjects",
            "recordCategories", "approxRecords", "consequences", "measures"), Map.of("late", List.of("delayReasons"))),
    /** 164.410: a business associate tells the covered entity, identifying each individual. */
    BUSINESS_ASSOCIATE_NOTICE("business-associate-notice", "notice to the covered entity or customer", List.of("company.name", "company.address", "company.privacyOfficer",
            "company.tollFreePhone", "coveredEntity", "whatHappened", "breachDate", "discoveryDate", "phiTypes",
            "whatWeAreDoing", "individuals"));

    private final String template;
    private final String title;
    private final List<String> requiredFacts;
    private final Map<String, List<String>> requiredWhen;

    DocumentKind(String template, String title, List<String> requiredFacts) {
        this(template, title, requiredFacts, Map.of());
    }

    DocumentKind(String template, String title, List<String> requiredFacts, Map<String, List<String>> requiredWhen) {
        this.template = template;
        this.title = title;
        this.requiredFacts = requiredFacts;
        this.requiredWhen = requiredWhen;
    }

    public String template() {
        return template;
    }

    /** The document as people call it: "HHS breach report". */
    public String title() {
        return title;
    }

    /**
     * A required fact (or a missing-facts entry, alternatives joined by " or ") as the person who must supply it reads
     * it: where it comes from, in words ("the type of breach"); the company's own say which setting holds them.
     */
    public static String inPlainWords(String fact) {
        var words = new java.util.ArrayList<String>();
        for (String alternative : fact.split("\\|| or ")) {
            words.add(PLAIN_WORDS.getOrDefault(alternative.strip(), alternative.strip()));
        }
        return String.join(" or ", words);
    }

    private static final Map<String, String> PLAIN_WORDS = Map.ofEntries(
            Map.entry("company.name", "the company's name (setting vigil.documents.company.name)"),
            Map.entry("company.address", "the company's postal address (setting vigil.documents.company.address)"),
            Map.entry("company.tollFreePhone", "the company's toll-free telephone number (setting vigil.documents.company.toll-free-phone)"),
            Map.entry("company.email", "the company's e-mail address (setting vigil.documents.company.email)"),
            Map.entry("company.website", "the company's web site (setting vigil.documents.company.website)"),
            Map.entry("company.privacyOfficer", "the privacy officer or data protection contact (setting vigil.documents.company.privacy-officer)"),
            Map.entry("recipient.name", "the name of the person written to"),
            Map.entry("recipient.postalAddress", "a postal address"),
            Map.entry("recipient.email", "an e-mail address of the person written to"),
            Map.entry("whatHappened", "what happened"),
            Map.entry("breachDate", "the date of the breach"),
            Map.entry("discoveryDate", "the date the breach was discovered"),
            Map.entry("phiTypes", "the types of information involved"),
            Map.entry("stepsForIndividuals", "what the affected people should do to protect themselves"),
            Map.entry("whatWeAreDoing", "what we are doing about it"),
            Map.entry("unreachableCount", "the number of people who could not be reached"),
            Map.entry("mediaArea", "the state or area the media serve"),
            Map.entry("affectedInJurisdiction", "the number of residents affected"),
            Map.entry("affectedCount", "the number of individuals affected"),
            Map.entry("entityType", "the type of covered entity"),
            Map.entry("breachType", "the type of breach"),
            Map.entry("breachLocation", "the location of the breached information"),
            Map.entry("safeguards", "the safeguards in place before the breach"),
            Map.entry("actionsTaken", "the actions taken in response"),
            Map.entry("businessAssociateInvolved", "whether a business associate was involved"),
            Map.entry("state", "the state"),
            Map.entry("noticeDate", "the date of the notice"),
            Map.entry("authority", "the supervisory authority"),
            Map.entry("awarenessAt", "when we became aware of the breach"),
            Map.entry("dataSubjectCategories", "the categories of people concerned"),
            Map.entry("approxDataSubjects", "the approximate number of people concerned"),
            Map.entry("recordCategories", "the categories of records concerned"),
            Map.entry("approxRecords", "the approximate number of records concerned"),
            Map.entry("consequences", "the likely consequences of the breach"),
            Map.entry("measures", "the measures taken or proposed"),
            Map.entry("delayReasons", "the reasons for the delay (the notice is late)"),
            Map.entry("coveredEntity", "the covered entity or customer notified"),
            Map.entry("individuals", "the affected individuals, each by name (for a customer: the people the list marks as theirs)"));

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
