package org.vigil.breach;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.platform.StorableDate;

/**
 * Facts learnt after the investigation ({@code POST /api/incidents/{id}/facts}): the counts per jurisdiction, when
 * the workforce first knew, when a state's determination was made, people out of reach. Absent fields stay as they are.
 *
 * <p>Counts are read as numbers, not as {@code Integer}, so that 1.5 reaches {@link FactChecks#wholeCount} and is
 * refused instead of being cut down to 1 by the JSON reader. A field this record does not know (a misspelt
 * {@code affectedCount}) is kept in {@code unknown} and refused, rather than ignored while the caller believes it stored.
 *
 * <p>{@code affectedCountsText} gives the counts as a person types them on the notices page, one {@code US-TX: 300} a
 * line, read by the same {@link AffectedCounts} as the report and investigation forms: a bad line is refused naming
 * it, before anything is stored.
 */
record FactsUpdate(
        @Size(max = 100) Map<@NotNull @Pattern(regexp = IncidentReport.JURISDICTION, message = "must be a jurisdiction code such as US-TX, EU-DE, UK, CA-ON or AU") String,
                @NotNull @PositiveOrZero Number> affectedCounts,
        @StorableDate OffsetDateTime firstKnownToWorkforceAt,
        @StorableDate OffsetDateTime determinationAt,
        @PositiveOrZero Number contactInfoOutOfDateCount,
        @Size(max = 10_000) String affectedCountsText,
        @JsonAnySetter Map<String, Object> unknown) {

    static final List<String> FIELDS = List.of("affectedCounts", "affectedCountsText", "firstKnownToWorkforceAt", "determinationAt",
            "contactInfoOutOfDateCount");

    FactsUpdate {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    /**
     * 400 naming the first field this endpoint does not take (a name that is no plain word is not echoed), or the
     * first bad line of {@code affectedCountsText}: checked before anything is stored.
     */
    void requireOnlyKnownFields() {
        if (affectedCounts != null && hasCountsText()) {
            throw new InvalidFactException("affectedCounts", "Give the counts either as affectedCounts or as affectedCountsText, not both");
        }
        countsFromText();
        unknown.keySet().stream().findFirst().ifPresent(name -> {
            String shown = name.matches("[A-Za-z0-9_-]{1,64}") ? name : "(a field with an unusual name)";
            throw new InvalidFactException(name.matches("[A-Za-z0-9_-]{1,64}") ? name : "body", "Field " + shown
                    + " is not a fact this endpoint takes: it takes " + String.join(", ", FIELDS) + (unknown.size() > 1
                    ? " (and " + (unknown.size() - 1) + " more unknown field" + (unknown.size() > 2 ? "s" : "") + ")" : ""));
        });
    }

    /** The facts this update gives, by name, for the record of what changed. */
    java.util.List<String> namesGiven() {
        var names = new java.util.ArrayList<String>();
        if (affectedCounts != null || hasCountsText()) names.add("affectedCounts");
        if (firstKnownToWorkforceAt != null) names.add("firstKnownToWorkforceAt");
        if (determinationAt != null) names.add("determinationAt");
        if (contactInfoOutOfDateCount != null) names.add("contactInfoOutOfDateCount");
        return names;
    }

    InvestigationFacts applyTo(InvestigationFacts facts) {
        Integer outOfReach = FactChecks.wholeCount(contactInfoOutOfDateCount, "contactInfoOutOfDateCount");
        Map<String, Integer> counts = hasCountsText() ? countsFromText() : affectedCounts != null ? wholeCounts() : facts.affectedCounts();
        return new InvestigationFacts(counts, facts.dataElements(),
                outOfReach != null ? outOfReach : facts.contactInfoOutOfDateCount(),
                facts.encryptedNistSafeHarbor(), facts.encryptionKeyCompromised(),
                firstKnownToWorkforceAt != null ? firstKnownToWorkforceAt : facts.firstKnownToWorkforceAt(),
                determinationAt != null ? determinationAt : facts.determinationAt(), facts.role(), facts.lawEnforcement(),
                facts.businessAssociate(), facts.gdpr(), facts.entityFlags(), facts.counterparties(),
                facts.accessWithoutAcquisition(), facts.stateNoHarmDeterminations());
    }

    /** Blank text gives no counts, like an absent field: the counts stay as they are. */
    private boolean hasCountsText() {
        return affectedCountsText != null && !affectedCountsText.isBlank();
    }

    private Map<String, Integer> countsFromText() {
        if (!hasCountsText()) {
            return null;
        }
        try {
            return AffectedCounts.parse(affectedCountsText, "affectedCounts");
        } catch (IllegalArgumentException e) {
            throw new InvalidFactException("affectedCounts", e.getMessage());
        }
    }

    private Map<String, Integer> wholeCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        affectedCounts.forEach((jurisdiction, count) -> counts.put(jurisdiction, FactChecks.wholeCount(count, "affectedCounts")));
        return counts;
    }
}
