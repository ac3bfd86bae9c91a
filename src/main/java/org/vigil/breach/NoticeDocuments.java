package org.vigil.breach;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.documents.AffectedIndividual;
import org.vigil.documents.AffectedListKey;
import org.vigil.documents.DocumentKind;
import org.vigil.documents.Documents;
import org.vigil.documents.IndividualCounts;
import org.vigil.documents.LetterBatchOwner;
import org.vigil.documents.LetterBatchView;
import org.vigil.documents.LetterFormat;
import org.vigil.documents.LetterRecipient;
import org.vigil.documents.MissingFactsException;
import org.vigil.documents.NoticeFacts;
import org.vigil.regulation.NotificationPlans;

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
    private final NotificationPlanning planning;
    private final NotificationPlans regulation;
    private final Clock clock;
    private final ObjectMapper json;

    NoticeDocuments(Obligations obligations, Incidents incidents, Documents documents, ContractualDuties contracts,
            NotificationPlanning planning, NotificationPlans regulation, Clock clock,
            ObjectMapper json) {
        this.json = json;
        this.obligations = obligations;
        this.incidents = incidents;
        this.documents = documents;
        this.contracts = contracts;
        this.planning = planning;
        this.regulation = regulation;
        this.clock = clock;
    }

    /** The notice reference of a notice Vigil renders, rather than a document the privacy office keeps elsewhere. */
    static final String RENDERED_BY_VIGIL = "Rendered by Vigil: ";

    /** Before a list is uploaded, a letter is previewed and checked with a stand-in for its person. */
    private static final LetterRecipient ANY_PERSON = new LetterRecipient("[Name of the individual]", "[Postal address]", "", "");

    /** The incident's list of the people affected. */
    static AffectedListKey listOf(long incidentId) {
        return new AffectedListKey("incident", incidentId);
    }

    static LetterBatchOwner batchOwner(long obligationId) {
        return new LetterBatchOwner("obligation", obligationId);
    }

    @Transactional(readOnly = true)
    Obligation obligation(long obligationId) {
        return obligations.require(obligationId);
    }

    @Transactional(readOnly = true)
    NoticeFacts factsFor(long obligationId) {
        return factsFor(obligationId, clock.instant());
    }

    /** The obligation's facts as they stand at {@code asOf} (a notice sent after its deadline must say why it is late). */
    @Transactional(readOnly = true)
    NoticeFacts factsFor(long obligationId, java.time.Instant asOf) {
        var obligation = obligations.require(obligationId);
        var incident = incidents.require(obligation.incidentId());
        var zone = clock.getZone();
        var investigation = json.convertValue(readTree(incident.facts()), InvestigationFacts.class);
        IndividualCounts listed = documents.affectedCounts(listOf(incident.id()));
        Map<String, Integer> counts = listed.total() > 0 ? listed.byJurisdiction()
                : investigation != null && investigation.affectedCounts() != null ? investigation.affectedCounts() : incident.affectedEstimate();
        // Each notice counts the people of its own jurisdiction: Germany's for the German authority, the US residents for HHS.
        int counted = countIn(counts, countedJurisdiction(obligation, investigation));
        List<String> elements = investigation != null && investigation.dataElements() != null && !investigation.dataElements().isEmpty()
                ? investigation.dataElements() : incident.dataCategories();
        DocumentKind kind = NoticeKinds.kindFor(obligation);

        int affectedCount = counted;
        String coveredEntity = obligation.recipient().startsWith("counterparty:") ? obligation.regime() : "the covered entity";
        List<AffectedIndividual> individuals = null;
        String agreementClause = null;
        if (kind == DocumentKind.BUSINESS_ASSOCIATE_NOTICE) {
            // A counterparty is told of its own people only: the others are not its data.
            var agreement = contracts.agreementNotified(obligation.recipient());
            individuals = agreement.isPresent()
                    ? documents.affectedIndividuals(listOf(incident.id()), agreement.get().counterpartyId(), 0, LISTED_INDIVIDUALS_LIMIT)
                    : documents.affectedIndividuals(listOf(incident.id()), 0, LISTED_INDIVIDUALS_LIMIT);
            if (agreement.isPresent()) {
                affectedCount = listed.byCounterparty().getOrDefault(agreement.get().counterpartyId(), 0);
                coveredEntity = agreement.get().counterparty();
                agreementClause = agreement.get().clause();
            }
        }
        return new NoticeFacts(
                incident.occurredAt() == null ? null : incident.occurredAt().atZone(zone).toLocalDate(),
                discoveryCountedBy(obligation, incident, investigation).atZone(zone).toLocalDate(),
                LocalDate.now(clock),
                elements == null ? List.of() : elements.stream().map(NoticeDocuments::readable).toList(),
                affectedCount,
                counted,
                listed.total() > 0 ? countIn(listed.unreachableByJurisdiction(), obligation.jurisdiction())
                        : investigation == null ? 0 : investigation.contactInfoOutOfDateCount(),
                RecipientNames.placeName(obligation.jurisdiction()),
                obligation.basis(),
                RecipientNames.recipientName(obligation.recipient()),
                investigation != null && investigation.gdpr() != null && investigation.gdpr().awarenessAt() != null
                        ? investigation.gdpr().awarenessAt().toInstant() : incident.discoveredAt(),
                List.of("Patients"),
                investigation != null && investigation.businessAssociate() != null,
                investigation != null && "business_associate".equals(investigation.role()) ? "Business Associate" : "Healthcare Provider",
                coveredEntity,
                obligation.deadline() != null && asOf.isAfter(obligation.deadline()),
                kind == DocumentKind.DATA_SUBJECT_NOTICE ? (obligation.regime().startsWith("UK GDPR")
                        ? "the UK General Data Protection Regulation" : "the General Data Protection Regulation") : null,
                individuals,
                agreementClause,
                // What the privacy office wrote wins over what Vigil derives (an entity type, a breach type).
                NoticeText.wording(obligation.noticeFacts()),
                null,
                incident.exercise());
    }

    /**
     * The facts of one of the obligation's documents as the preview renders it at {@code asOf}: a letter with the first
     * person its letters go to (the people of the obligation's jurisdiction on the list), or a stand-in before a list
     * is uploaded. The one place that decides what a document is rendered from: preview, missing facts, approval and
     * dispatch all come here.
     */
    @Transactional(readOnly = true)
    NoticeFacts documentFacts(long obligationId, DocumentKind kind, java.time.Instant asOf) {
        var facts = factsFor(obligationId, asOf);
        if (NoticeKinds.isLetter(kind)) {
            var obligation = obligations.require(obligationId);
            return facts.to(documents.firstLetterRecipient(listOf(obligation.incidentId()), obligation.jurisdiction()).orElse(ANY_PERSON));
        }
        return facts;
    }

    /** What the document lacks now; empty when the preview renders it. */
    List<String> missingFacts(long obligationId, DocumentKind kind) {
        return documents.missingFacts(kind, documentFacts(obligationId, kind, clock.instant()));
    }

    /** The facts of the preview: the first letter of the list, or a stand-in before a list is uploaded. */
    NoticeFacts previewFacts(long obligationId, DocumentKind kind) {
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
        DocumentKind kind = NoticeKinds.kindFor(obligation);
        boolean renderedByVigil = obligation.noticeReference() == null || obligation.noticeReference().startsWith(RENDERED_BY_VIGIL);
        boolean lettersByVigil = NoticeKinds.isLetter(kind) && documents.affectedCounts(listOf(obligation.incidentId())).total() > 0;
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

    /**
     * One PDF letter per reachable person on the incident's list who lives where the obligation's law applies: the
     * HIPAA letter to US residents (a state's to its residents), the Art. 34 communication to a member state's.
     */
    LetterBatchView startLetters(long obligationId) {
        var obligation = obligations.require(obligationId);
        if (incidents.require(obligation.incidentId()).exercise()) {
            // Nothing about an exercise leaves Vigil: the preview, watermarked EXERCISE, shows what the letters would say.
            throw new org.vigil.platform.StateConflict("No letters for an exercise", "Incident " + obligation.incidentId()
                    + " is an exercise: no letters are made for it; the notice's preview (watermarked EXERCISE) shows what they would say",
                    Map.of("incidentId", obligation.incidentId(), "obligationId", obligationId));
        }
        DocumentKind kind = NoticeKinds.kindFor(obligation);
        if (!NoticeKinds.isLetter(kind)) {
            throw new IllegalArgumentException("Letters are made for notices to individuals; this obligation notifies " + obligation.recipient());
        }
        if (obligation.status() == ObligationStatus.OPEN || obligation.status() == ObligationStatus.PREPARED) {
            throw new IllegalStateException("The notice must be approved before its letters are made");
        }
        return documents.startLetterBatch(batchOwner(obligationId), listOf(obligation.incidentId()), obligation.jurisdiction(),
                kind, factsFor(obligationId), LetterFormat.PDF);
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

    /**
     * The people of {@code jurisdiction} among the counts: a state or member state its own, {@code US}, {@code EU} and
     * {@code CA} every code within them, as the plan counts them for the duty's threshold.
     */
    static int countIn(Map<String, Integer> counts, String jurisdiction) {
        if (counts == null || jurisdiction == null) {
            return 0;
        }
        boolean territory = jurisdiction.equals("US") || jurisdiction.equals("EU") || jurisdiction.equals("CA");
        return counts.entrySet().stream()
                .filter(entry -> entry.getKey().equals(jurisdiction) || territory && entry.getKey().startsWith(jurisdiction + "-"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /**
     * Whose people a notice counts: its own jurisdiction's, except that the lead authority of the main establishment
     * handles the breach for every member state (GDPR Art. 56(1)), so its notification counts all EU data subjects.
     */
    private static String countedJurisdiction(Obligation obligation, InvestigationFacts investigation) {
        String mainEstablishment = investigation == null || investigation.gdpr() == null ? null : investigation.gdpr().mainEstablishment();
        if (obligation.recipient().startsWith("supervisory_authority:") && mainEstablishment != null
                && obligation.jurisdiction().equalsIgnoreCase("EU-" + mainEstablishment.strip())) {
            return "EU";
        }
        return obligation.jurisdiction();
    }

    /**
     * The day the obligation's law counts the breach as discovered (HIPAA: the first day known to the workforce; GDPR:
     * awareness; a state: discovery), read from the rule as the plan reads it; the incident's discovery for a duty
     * outside the catalog (a contract's, which counts from discovery).
     */
    private java.time.Instant discoveryCountedBy(Obligation obligation, Incident incident, InvestigationFacts investigation) {
        if (investigation == null) {
            return incident.discoveredAt();
        }
        try {
            var request = planning.request(incident, investigation, readTree(incident.riskAssessment()), clock.getZone());
            return regulation.discoveryCountedBy(request, obligation.ruleId()).map(java.time.OffsetDateTime::toInstant)
                    .orElse(incident.discoveredAt());
        } catch (org.vigil.regulation.InvalidPlanRequestException e) {
            // The facts no longer make a plan (the next plan will say why): the notice says the incident's discovery.
            return incident.discoveredAt();
        }
    }

    private static String readable(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return switch (code) {
            case "ssn" -> "Social Security numbers";
            case "name" -> "Names";
            default -> Character.toUpperCase(words.charAt(0)) + words.substring(1);
        };
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return text == null ? json.nullNode() : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable investigation facts", e);
        }
    }
}
