package org.vigil.breach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.documents.DocumentKind;
import org.vigil.documents.Documents;
import org.vigil.documents.IndividualCounts;
import org.vigil.documents.LetterBatchView;
import org.vigil.documents.LetterFormat;
import org.vigil.documents.MissingFactsException;

/**
 * The document each obligation calls for, with its facts gathered from the incident, the investigation, the
 * uploaded list of affected individuals and the text the privacy office wrote when preparing the notice.
 */
@Component
class NoticeDocuments {

    /** A business-associate notice lists every individual; beyond this many the list goes as the batch's manifest. */
    static final int LISTED_INDIVIDUALS_LIMIT = 10_000;

    private final Obligations obligations;
    private final Incidents incidents;
    private final Documents documents;
    private final ContractualDuties contracts;
    private final Clock clock;

    NoticeDocuments(Obligations obligations, Incidents incidents, Documents documents, ContractualDuties contracts, Clock clock) {
        this.obligations = obligations;
        this.incidents = incidents;
        this.documents = documents;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** The notice reference of a notice Vigil renders, rather than a document the privacy office keeps elsewhere. */
    static final String RENDERED_BY_VIGIL = "Rendered by Vigil: ";

    /** Before a list is uploaded, a letter is previewed and checked with a stand-in for its person. */
    private static final Map<String, Object> ANY_PERSON = Map.of("name", "[Name of the individual]", "postalAddress", "[Postal address]",
            "email", "", "jurisdiction", "");

    static String listOf(long incidentId) {
        return "incident:" + incidentId;
    }

    static String batchOwner(long obligationId) {
        return "obligation:" + obligationId;
    }

    /** The notice the recipient gets; for individuals also the substitute and alternative notices on request. */
    static DocumentKind kindFor(String recipient) {
        String type = recipient.contains(":") ? recipient.substring(0, recipient.indexOf(':')) : recipient;
        return switch (type) {
            case "individuals", "data_subjects" -> DocumentKind.INDIVIDUAL_NOTICE;
            case "media" -> DocumentKind.MEDIA_NOTICE;
            case "hhs" -> DocumentKind.HHS_REPORT;
            case "supervisory_authority", "csirt_or_competent_authority" -> DocumentKind.GDPR_AUTHORITY_NOTICE;
            case "covered_entity", "controller", "data_owner", "counterparty" -> DocumentKind.BUSINESS_ASSOCIATE_NOTICE;
            default -> DocumentKind.STATE_AG_NOTICE;
        };
    }

    static List<DocumentKind> kindsFor(String recipient) {
        DocumentKind main = kindFor(recipient);
        return main == DocumentKind.INDIVIDUAL_NOTICE
                ? List.of(main, DocumentKind.SUBSTITUTE_NOTICE, DocumentKind.ALTERNATIVE_NOTICE)
                : List.of(main);
    }

    @Transactional(readOnly = true)
    Obligation obligation(long obligationId) {
        return obligations.require(obligationId);
    }

    /** Documents made per person, one letter each. */
    static boolean isLetter(DocumentKind kind) {
        return kind == DocumentKind.INDIVIDUAL_NOTICE;
    }

    @Transactional(readOnly = true)
    Map<String, Object> factsFor(long obligationId) {
        return factsFor(obligationId, clock.instant());
    }

    /** The obligation's facts as they stand at {@code asOf} (a notice sent after its deadline must say why it is late). */
    @Transactional(readOnly = true)
    Map<String, Object> factsFor(long obligationId, java.time.Instant asOf) {
        var obligation = obligations.require(obligationId);
        var incident = incidents.require(obligation.incidentId());
        var zone = clock.getZone();
        var investigation = InvestigationTaskListener.json.convertValue(readTree(incident.facts()), InvestigationFacts.class);
        IndividualCounts listed = documents.affectedCounts(listOf(incident.id()));
        Map<String, Integer> counts = listed.total() > 0 ? listed.byJurisdiction()
                : investigation != null && investigation.affectedCounts() != null ? investigation.affectedCounts() : incident.affectedEstimate();
        int total = counts == null ? 0 : counts.values().stream().mapToInt(Integer::intValue).sum();

        var facts = new LinkedHashMap<String, Object>();
        facts.put("breachDate", incident.occurredAt() == null ? null : incident.occurredAt().atZone(zone).toLocalDate());
        facts.put("discoveryDate", incident.discoveredAt().atZone(zone).toLocalDate());
        facts.put("noticeDate", LocalDate.now(clock));
        List<String> elements = investigation != null && investigation.dataElements() != null && !investigation.dataElements().isEmpty()
                ? investigation.dataElements() : incident.dataCategories();
        facts.put("phiTypes", elements == null ? List.of() : elements.stream().map(NoticeDocuments::readable).toList());
        facts.put("affectedCount", total);
        facts.put("approxDataSubjects", total);
        facts.put("approxRecords", total);
        facts.put("affectedInJurisdiction", inJurisdiction(counts, obligation.jurisdiction(), total));
        facts.put("unreachableCount", listed.total() > 0 ? listed.unreachable()
                : investigation == null ? 0 : investigation.contactInfoOutOfDateCount());
        facts.put("mediaArea", placeName(obligation.jurisdiction()));
        facts.put("state", placeName(obligation.jurisdiction()));
        facts.put("legalBasis", obligation.basis());
        facts.put("authority", recipientName(obligation.recipient()));
        facts.put("awarenessAt", investigation != null && investigation.gdpr() != null && investigation.gdpr().awarenessAt() != null
                ? investigation.gdpr().awarenessAt() : incident.discoveredAt());
        facts.put("dataSubjectCategories", List.of("Patients"));
        facts.put("recordCategories", facts.get("phiTypes"));
        facts.put("businessAssociateInvolved", investigation != null && investigation.businessAssociate() != null);
        facts.put("entityType", investigation != null && "business_associate".equals(investigation.role()) ? "Business Associate" : "Healthcare Provider");
        facts.put("coveredEntity", obligation.recipient().startsWith("counterparty:") ? obligation.regime() : "the covered entity");
        if (obligation.deadline() != null && asOf.isAfter(obligation.deadline())) {
            facts.put("late", true);
        }
        if (kindFor(obligation.recipient()) == DocumentKind.BUSINESS_ASSOCIATE_NOTICE) {
            // A counterparty is told of its own people only: the others are not its data.
            var agreement = contracts.agreementNotified(obligation.recipient());
            var people = agreement.isPresent()
                    ? documents.affectedIndividuals(listOf(incident.id()), agreement.get().counterpartyId(), 0, LISTED_INDIVIDUALS_LIMIT)
                    : documents.affectedIndividuals(listOf(incident.id()), 0, LISTED_INDIVIDUALS_LIMIT);
            var individuals = new ArrayList<Map<String, Object>>();
            people.forEach(person -> individuals.add(Map.of("name", person.name(), "jurisdiction", person.jurisdiction())));
            facts.put("individuals", individuals);
            agreement.ifPresent(found -> {
                facts.put("coveredEntity", found.counterparty());
                facts.put("agreementClause", found.clause());
            });
        }
        // What the privacy office wrote wins over what Vigil derives (an entity type, a breach type).
        facts.putAll(NoticeText.read(obligation.noticeFacts()));
        facts.putIfAbsent("actionsTaken", facts.get("whatWeAreDoing"));
        facts.putIfAbsent("measures", facts.get("whatWeAreDoing"));
        facts.values().removeIf(java.util.Objects::isNull);
        return facts;
    }

    /**
     * The facts of one of the obligation's documents as the preview renders it at {@code asOf}: a letter with the first
     * person its letters go to (the people of the obligation's jurisdiction on the list), or a stand-in before a list
     * is uploaded. The one place that decides what a document is rendered from: preview, missing facts, approval and
     * dispatch all come here.
     */
    @Transactional(readOnly = true)
    Map<String, Object> documentFacts(long obligationId, DocumentKind kind, java.time.Instant asOf) {
        var facts = factsFor(obligationId, asOf);
        if (isLetter(kind)) {
            var obligation = obligations.require(obligationId);
            facts.put("recipient", documents.firstLetterRecipient(listOf(obligation.incidentId()), obligation.jurisdiction()).orElse(ANY_PERSON));
        }
        return facts;
    }

    /** What the document lacks now; empty when the preview renders it. */
    List<String> missingFacts(long obligationId, DocumentKind kind) {
        return documents.missingFacts(kind, documentFacts(obligationId, kind, clock.instant()));
    }

    /** The facts of the preview: the first letter of the list, or a stand-in before a list is uploaded. */
    Map<String, Object> previewFacts(long obligationId, DocumentKind kind) {
        return documentFacts(obligationId, kind, clock.instant());
    }

    /**
     * Why the obligation's notice may not be approved or recorded as sent at {@code asOf}, in plain words; empty when
     * it may. It is the preview's own check on the document the recipient gets, so an approved or sent notice is one
     * the preview renders. A notice the privacy office keeps as its own document (a reference named in "Prepare the
     * notice") is not Vigil's to render, unless Vigil writes its letters from the uploaded list.
     */
    java.util.Optional<String> whyNotRenderable(long obligationId, java.time.Instant asOf) {
        var obligation = obligations.require(obligationId);
        DocumentKind kind = kindFor(obligation.recipient());
        boolean renderedByVigil = obligation.noticeReference() == null || obligation.noticeReference().startsWith(RENDERED_BY_VIGIL);
        boolean lettersByVigil = isLetter(kind) && documents.affectedCounts(listOf(obligation.incidentId())).total() > 0;
        if (!renderedByVigil && !lettersByVigil) {
            return java.util.Optional.empty();
        }
        var missing = documents.missingFacts(kind, documentFacts(obligationId, kind, asOf));
        return missing.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(MissingFactsException.inPlainWords(kind, missing));
    }

    /** Replaces the incident's list of the affected; its counterparty column may name the register's counterparties. */
    org.vigil.documents.IndividualCounts importList(long incidentId, java.io.Reader csv) {
        return documents.importAffectedIndividuals(listOf(incidentId), csv, contracts.counterpartyIds());
    }

    /** One PDF letter per reachable person on the incident's list who lives where the obligation's law applies. */
    LetterBatchView startLetters(long obligationId) {
        var obligation = obligations.require(obligationId);
        if (kindFor(obligation.recipient()) != DocumentKind.INDIVIDUAL_NOTICE) {
            throw new IllegalArgumentException("Letters are made for notices to individuals; this obligation notifies " + obligation.recipient());
        }
        if (obligation.status() == ObligationStatus.OPEN || obligation.status() == ObligationStatus.PREPARED) {
            throw new IllegalStateException("The notice must be approved before its letters are made");
        }
        return documents.startLetterBatch(batchOwner(obligationId), listOf(obligation.incidentId()), obligation.jurisdiction(),
                DocumentKind.INDIVIDUAL_NOTICE, factsFor(obligationId), LetterFormat.PDF);
    }

    Optional<LetterBatchView> letters(long obligationId) {
        return documents.latestLetterBatch(batchOwner(obligationId));
    }

    /** Evidence for the dispatch record: the finished batch's archive and manifest checksums. */
    Optional<String> letterEvidence(long obligationId) {
        return letters(obligationId).filter(batch -> "DONE".equals(batch.status()))
                .map(batch -> "letter batch " + batch.id() + ": " + batch.total() + " letters, archive SHA-256 " + batch.archiveSha256()
                        + ", manifest SHA-256 " + batch.manifestSha256());
    }

    /** The letters went out: their files are purged a grace period later; checksums and counts stay. */
    void lettersDispatched(long obligationId, java.time.Instant sentAt) {
        documents.lettersDispatched(batchOwner(obligationId), sentAt);
    }

    private static int inJurisdiction(Map<String, Integer> counts, String jurisdiction, int total) {
        if (counts == null || jurisdiction == null || !jurisdiction.contains("-")) {
            return total;
        }
        return counts.getOrDefault(jurisdiction, 0);
    }

    private static String readable(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return switch (code) {
            case "ssn" -> "Social Security numbers";
            case "name" -> "Names";
            default -> Character.toUpperCase(words.charAt(0)) + words.substring(1);
        };
    }

    static String recipientName(String recipient) {
        int colon = recipient.indexOf(':');
        String type = colon < 0 ? recipient : recipient.substring(0, colon);
        String where = colon < 0 ? "" : " (" + recipient.substring(colon + 1) + ")";
        return switch (type) {
            case "supervisory_authority" -> "Data protection supervisory authority" + where;
            case "csirt_or_competent_authority" -> "CSIRT or competent authority" + where;
            case "state_ag" -> "Office of the Attorney General" + where;
            default -> type.replace('_', ' ') + where;
        };
    }

    static String placeName(String jurisdiction) {
        if (jurisdiction == null) {
            return "";
        }
        if (jurisdiction.startsWith("US-")) {
            return US_STATES.getOrDefault(jurisdiction.substring(3), jurisdiction);
        }
        return switch (jurisdiction) {
            case "US" -> "the United States";
            case "UK" -> "the United Kingdom";
            case "CA" -> "Canada";
            case "AU" -> "Australia";
            default -> jurisdiction;
        };
    }

    private static final Map<String, String> US_STATES = Map.ofEntries(
            Map.entry("AL", "Alabama"), Map.entry("AK", "Alaska"), Map.entry("AZ", "Arizona"), Map.entry("AR", "Arkansas"),
            Map.entry("CA", "California"), Map.entry("CO", "Colorado"), Map.entry("CT", "Connecticut"), Map.entry("DE", "Delaware"),
            Map.entry("DC", "the District of Columbia"), Map.entry("FL", "Florida"), Map.entry("GA", "Georgia"), Map.entry("HI", "Hawaii"),
            Map.entry("ID", "Idaho"), Map.entry("IL", "Illinois"), Map.entry("IN", "Indiana"), Map.entry("IA", "Iowa"),
            Map.entry("KS", "Kansas"), Map.entry("KY", "Kentucky"), Map.entry("LA", "Louisiana"), Map.entry("ME", "Maine"),
            Map.entry("MD", "Maryland"), Map.entry("MA", "Massachusetts"), Map.entry("MI", "Michigan"), Map.entry("MN", "Minnesota"),
            Map.entry("MS", "Mississippi"), Map.entry("MO", "Missouri"), Map.entry("MT", "Montana"), Map.entry("NE", "Nebraska"),
            Map.entry("NV", "Nevada"), Map.entry("NH", "New Hampshire"), Map.entry("NJ", "New Jersey"), Map.entry("NM", "New Mexico"),
            Map.entry("NY", "New York"), Map.entry("NC", "North Carolina"), Map.entry("ND", "North Dakota"), Map.entry("OH", "Ohio"),
            Map.entry("OK", "Oklahoma"), Map.entry("OR", "Oregon"), Map.entry("PA", "Pennsylvania"), Map.entry("RI", "Rhode Island"),
            Map.entry("SC", "South Carolina"), Map.entry("SD", "South Dakota"), Map.entry("TN", "Tennessee"), Map.entry("TX", "Texas"),
            Map.entry("UT", "Utah"), Map.entry("VT", "Vermont"), Map.entry("VA", "Virginia"), Map.entry("WA", "Washington"),
            Map.entry("WV", "West Virginia"), Map.entry("WI", "Wisconsin"), Map.entry("WY", "Wyoming"));

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return json == null ? InvestigationTaskListener.json.nullNode() : InvestigationTaskListener.json.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable investigation facts", e);
        }
    }
}
