package org.vigil.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * What a breach notice states, as the breach capability gathers it for one obligation; the templates under
 * {@code templates/documents/} read these facts by their names. {@code null} is a fact not known (the missing-facts
 * check names it where a document needs it); dates and instants are written out by the renderer.
 *
 * @param affectedCount the people this notice speaks of: its jurisdiction's, or a counterparty's own people
 * @param affectedInJurisdiction the people of the notice's jurisdiction (for a supervisory authority also its
 *        approximate numbers of data subjects and of records)
 * @param place where the notice goes, written out ("Texas"): the media area and the state of the templates
 * @param late whether the notice goes out after its deadline, so it must give the reasons for the delay
 * @param lawName the data subjects' law, for their communication; {@code null} for other notices
 * @param individuals the people a notice to a covered entity or customer names; {@code null} for other notices
 * @param recipient the person a letter addresses; {@code null} for notices that are not letters
 * @param exercise a notice of a breach-response exercise: every page says "EXERCISE" (a banner and a watermark)
 */
@NamedInterface("api")
public record NoticeFacts(
        LocalDate breachDate,
        LocalDate discoveryDate,
        LocalDate noticeDate,
        List<String> phiTypes,
        int affectedCount,
        int affectedInJurisdiction,
        int unreachableCount,
        String place,
        String legalBasis,
        String authority,
        Instant awarenessAt,
        List<String> dataSubjectCategories,
        boolean businessAssociateInvolved,
        String entityType,
        String coveredEntity,
        boolean late,
        String lawName,
        List<AffectedIndividual> individuals,
        String agreementClause,
        NoticeWording wording,
        LetterRecipient recipient,
        boolean exercise) {

    public NoticeFacts {
        wording = wording == null ? NoticeWording.NONE : wording;
    }

    /** The same facts addressed to {@code person}: a letter's. */
    public NoticeFacts to(LetterRecipient person) {
        return new NoticeFacts(breachDate, discoveryDate, noticeDate, phiTypes, affectedCount, affectedInJurisdiction,
                unreachableCount, place, legalBasis, authority, awarenessAt, dataSubjectCategories, businessAssociateInvolved,
                entityType, coveredEntity, late, lawName, individuals, agreementClause, wording, person, exercise);
    }

    /** The facts by the names the templates use; what is not known is left out. */
    Map<String, Object> asFacts() {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("breachDate", breachDate);
        facts.put("discoveryDate", discoveryDate);
        facts.put("noticeDate", noticeDate);
        facts.put("phiTypes", phiTypes);
        facts.put("affectedCount", affectedCount);
        facts.put("approxDataSubjects", affectedInJurisdiction);
        facts.put("approxRecords", affectedInJurisdiction);
        facts.put("affectedInJurisdiction", affectedInJurisdiction);
        facts.put("unreachableCount", unreachableCount);
        facts.put("mediaArea", place);
        facts.put("state", place);
        facts.put("legalBasis", legalBasis);
        facts.put("authority", authority);
        facts.put("awarenessAt", awarenessAt);
        facts.put("dataSubjectCategories", dataSubjectCategories);
        facts.put("recordCategories", phiTypes);
        facts.put("businessAssociateInvolved", businessAssociateInvolved);
        facts.put("entityType", entityType);
        facts.put("coveredEntity", coveredEntity);
        if (late) {
            facts.put("late", true);
        }
        if (exercise) {
            facts.put("exercise", true);
        }
        facts.put("lawName", lawName);
        if (individuals != null) {
            facts.put("individuals", individuals.stream()
                    .map(person -> Map.<String, Object>of("name", person.name(), "jurisdiction", person.jurisdiction())).toList());
        }
        facts.put("agreementClause", agreementClause);
        // What the privacy office wrote wins over what is derived (an entity type).
        putWritten(facts, "whatHappened", wording.whatHappened());
        putWritten(facts, "stepsForIndividuals", wording.stepsForIndividuals());
        putWritten(facts, "whatWeAreDoing", wording.whatWeAreDoing());
        putWritten(facts, "consequences", wording.consequences());
        putWritten(facts, "safeguards", wording.safeguards());
        putWritten(facts, "delayReasons", wording.delayReasons());
        putWritten(facts, "breachType", wording.breachType());
        putWritten(facts, "breachLocation", wording.breachLocation());
        putWritten(facts, "entityType", wording.entityType());
        putWritten(facts, "agOffice", wording.agOffice());
        facts.putIfAbsent("actionsTaken", facts.get("whatWeAreDoing"));
        facts.putIfAbsent("measures", facts.get("whatWeAreDoing"));
        if (recipient != null) {
            facts.put("recipient", recipient.asFacts());
        }
        facts.values().removeIf(java.util.Objects::isNull);
        return facts;
    }

    private static void putWritten(Map<String, Object> facts, String name, String text) {
        if (text != null) {
            facts.put(name, text);
        }
    }
}
