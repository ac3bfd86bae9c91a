package org.vigil.regulation;

import org.springframework.modulith.NamedInterface;

import java.util.List;
import java.util.Map;

/**
 * The rule catalog as counsel reviews it ({@code GET /api/notification-plans/catalog} and the page {@code /catalog}):
 * every jurisdiction with its own definition and its rules in words, their citations and confidence tags, the count
 * of rules by tag and the US jurisdictions the catalog does not cover yet.
 */
@NamedInterface("api")
public record CatalogReport(
        String version,
        Map<String, Long> rulesByConfidence,
        Map<String, Long> definitionsByConfidence,
        UsCoverage usCoverage,
        List<String> unverified,
        List<JurisdictionEntry> jurisdictions) {

    /** The 50 states, DC, Puerto Rico, Guam and the US Virgin Islands: each needs its definition and its duties. */
    public record UsCoverage(int expected, int covered, List<String> missing) {
    }

    public record JurisdictionEntry(String code, String name, Definition definition, List<RuleEntry> rules) {
    }

    /** A state's definition of a breach and of personal information, in words. */
    public record Definition(String statute, String basis, String confidence, String trigger,
                             List<String> personalInformationWithName, List<String> personalInformationAlone,
                             String encryption, boolean goodFaithEmployeeExclusion, String riskOfHarm, String note) {
    }

    /** One duty: to whom, when, on what basis and how firmly checked. */
    public record RuleEntry(String id, String recipient, String regime, String basis, String confidence,
                            String appliesTo, String threshold, String clock, String hipaaEntities, String hipaaNote,
                            boolean lawEnforcementDelay, List<String> ambiguities, String advice, String note) {
    }
}
