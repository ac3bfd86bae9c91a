package org.vigil.breach;

import java.util.List;
import java.util.Map;
import org.vigil.documents.DocumentKind;

/** Which document an obligation's law asks for, by the rule that creates the duty and its recipient. */
final class NoticeKinds {

    private NoticeKinds() {}

    /**
     * The document the obligation's law asks for, by its rule and recipient: the HIPAA letter (164.404), or the
     * substitute or alternative notice of 164.404(d)(2) when that is the duty; GDPR's Art. 34 communication to data
     * subjects; the media notice, the HHS report, a supervisory authority's notification, a notice to the covered
     * entity, controller or customer; otherwise an attorney general's or regulator's notice.
     */
    static DocumentKind kindFor(String ruleId, String recipient) {
        var substitute = SUBSTITUTE_RULES.get(ruleId == null ? "" : ruleId);
        if (substitute != null) {
            return substitute;
        }
        String type = recipient.contains(":") ? recipient.substring(0, recipient.indexOf(':')) : recipient;
        return switch (type) {
            case "individuals" -> DocumentKind.INDIVIDUAL_NOTICE;
            case "data_subjects" -> DocumentKind.DATA_SUBJECT_NOTICE;
            case "media" -> DocumentKind.MEDIA_NOTICE;
            case "hhs" -> DocumentKind.HHS_REPORT;
            case "supervisory_authority", "csirt_or_competent_authority" -> DocumentKind.GDPR_AUTHORITY_NOTICE;
            case "covered_entity", "controller", "data_owner", "custodian", "counterparty" -> DocumentKind.BUSINESS_ASSOCIATE_NOTICE;
            default -> DocumentKind.STATE_AG_NOTICE;
        };
    }

    static DocumentKind kindFor(Obligation obligation) {
        return kindFor(obligation.ruleId(), obligation.recipient());
    }

    /** The rules of the catalog whose duty is a substitute notice, not letters: their notice goes to the public, once. */
    private static final Map<String, DocumentKind> SUBSTITUTE_RULES = Map.of(
            "H8-10-OR-MORE", DocumentKind.SUBSTITUTE_NOTICE,
            "H8-FEWER-THAN-10", DocumentKind.ALTERNATIVE_NOTICE,
            "F7", DocumentKind.SUBSTITUTE_NOTICE);

    /** The documents to preview: the HIPAA letter's substitute and alternative notices beside it. */
    static List<DocumentKind> kindsFor(String ruleId, String recipient) {
        DocumentKind main = kindFor(ruleId, recipient);
        return main == DocumentKind.INDIVIDUAL_NOTICE
                ? List.of(main, DocumentKind.SUBSTITUTE_NOTICE, DocumentKind.ALTERNATIVE_NOTICE)
                : List.of(main);
    }

    static List<DocumentKind> kindsFor(Obligation obligation) {
        return kindsFor(obligation.ruleId(), obligation.recipient());
    }

    /** Documents made per person, one letter each. */
    static boolean isLetter(DocumentKind kind) {
        return kind == DocumentKind.INDIVIDUAL_NOTICE || kind == DocumentKind.DATA_SUBJECT_NOTICE;
    }
}
