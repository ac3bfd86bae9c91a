package org.vigil.breach;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import org.vigil.platform.StorableDate;

/**
 * Facts learnt after the investigation ({@code POST /api/incidents/{id}/facts}): the counts per jurisdiction, when
 * the workforce first knew, when a state's determination was made, people out of reach. Absent fields stay as they are.
 */
record FactsUpdate(
        @Size(max = 100) Map<@NotNull @Pattern(regexp = IncidentReport.JURISDICTION, message = "must be a jurisdiction code such as US-TX, EU-DE, UK, CA-ON or AU") String,
                @NotNull @PositiveOrZero Integer> affectedCounts,
        @StorableDate OffsetDateTime firstKnownToWorkforceAt,
        @StorableDate OffsetDateTime determinationAt,
        @PositiveOrZero Integer contactInfoOutOfDateCount) {

    /** The facts this update gives, by name, for the record of what changed. */
    java.util.List<String> namesGiven() {
        var names = new java.util.ArrayList<String>();
        if (affectedCounts != null) names.add("affectedCounts");
        if (firstKnownToWorkforceAt != null) names.add("firstKnownToWorkforceAt");
        if (determinationAt != null) names.add("determinationAt");
        if (contactInfoOutOfDateCount != null) names.add("contactInfoOutOfDateCount");
        return names;
    }

    InvestigationFacts applyTo(InvestigationFacts facts) {
        return new InvestigationFacts(affectedCounts != null ? affectedCounts : facts.affectedCounts(), facts.dataElements(),
                contactInfoOutOfDateCount != null ? contactInfoOutOfDateCount : facts.contactInfoOutOfDateCount(),
                facts.encryptedNistSafeHarbor(), facts.encryptionKeyCompromised(),
                firstKnownToWorkforceAt != null ? firstKnownToWorkforceAt : facts.firstKnownToWorkforceAt(),
                determinationAt != null ? determinationAt : facts.determinationAt(), facts.role(), facts.lawEnforcement(),
                facts.businessAssociate(), facts.gdpr(), facts.entityFlags(), facts.counterparties());
    }
}
