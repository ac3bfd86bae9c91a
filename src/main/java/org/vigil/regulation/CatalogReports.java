package org.vigil.regulation;

import org.vigil.regulation.CatalogReport.JurisdictionEntry;
import org.vigil.regulation.CatalogReport.RuleEntry;
import org.vigil.regulation.Rule.Clock;
import org.vigil.regulation.Rule.Confidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes the catalog out in words for {@link CatalogReport}; built once, the catalog does not change while running. */
final class CatalogReports {

    /** The US jurisdictions the catalog must cover (issue 17): 50 states, DC, Puerto Rico, Guam, US Virgin Islands. */
    static final List<String> US_JURISDICTIONS = List.of(
            "US-AL", "US-AK", "US-AZ", "US-AR", "US-CA", "US-CO", "US-CT", "US-DE", "US-DC", "US-FL", "US-GA", "US-HI",
            "US-ID", "US-IL", "US-IN", "US-IA", "US-KS", "US-KY", "US-LA", "US-ME", "US-MD", "US-MA", "US-MI", "US-MN",
            "US-MS", "US-MO", "US-MT", "US-NE", "US-NV", "US-NH", "US-NJ", "US-NM", "US-NY", "US-NC", "US-ND", "US-OH",
            "US-OK", "US-OR", "US-PA", "US-RI", "US-SC", "US-SD", "US-TN", "US-TX", "US-UT", "US-VT", "US-VA", "US-WA",
            "US-WV", "US-WI", "US-WY", "US-PR", "US-GU", "US-VI");

    private CatalogReports() {
    }

    static CatalogReport of(RuleCatalog catalog) {
        Map<String, List<Rule>> byPlace = new LinkedHashMap<>();
        for (Rule rule : catalog.rules()) {
            byPlace.computeIfAbsent(place(rule.jurisdiction()), k -> new ArrayList<>()).add(rule);
        }
        List<JurisdictionEntry> entries = new ArrayList<>();
        for (String code : catalog.jurisdictions().keySet()) {
            var definition = catalog.definition(code).map(CatalogReports::definition).orElse(null);
            var rules = byPlace.getOrDefault(code, List.of()).stream().map(CatalogReports::entry).toList();
            if (definition != null || !rules.isEmpty()) {
                entries.add(new JurisdictionEntry(code, catalog.jurisdictionName(code), definition, rules));
            }
        }
        List<String> missing = US_JURISDICTIONS.stream()
                .filter(code -> catalog.definition(code).isEmpty() || !byPlace.containsKey(code)).toList();
        List<String> unverified = new ArrayList<>();
        catalog.definitions().values().stream().filter(d -> d.confidence() == Confidence.UNVERIFIED)
                .forEach(d -> unverified.add("definition " + d.jurisdiction()));
        catalog.rules().stream().filter(r -> r.confidence() == Confidence.UNVERIFIED).forEach(r -> unverified.add(r.id()));
        return new CatalogReport(catalog.version(),
                countByConfidence(catalog.rules(), Rule::confidence),
                countByConfidence(List.copyOf(catalog.definitions().values()), StateDefinition::confidence),
                new CatalogReport.UsCoverage(US_JURISDICTIONS.size(), US_JURISDICTIONS.size() - missing.size(), missing),
                List.copyOf(unverified), List.copyOf(entries));
    }

    /** Rules that expand over a regime's territory are listed under it: "US" for each state, "EU" for member states. */
    private static String place(String jurisdiction) {
        return switch (jurisdiction) {
            case "each_us_state" -> "US";
            case "each_eu_member_state", "eu_supervisory_authorities", "nis2_member_states", "eu_gdpr" -> "EU";
            case "uk_gdpr" -> "UK";
            default -> jurisdiction;
        };
    }

    private static <T> Map<String, Long> countByConfidence(List<T> items, Function<T, Confidence> confidence) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(Confidence.values()).forEach(c -> counts.put(c.name(), 0L));
        items.stream().collect(Collectors.groupingBy(confidence, Collectors.counting()))
                .forEach((c, n) -> counts.put(c.name(), n));
        return counts;
    }

    private static CatalogReport.Definition definition(StateDefinition d) {
        var encryption = d.encryption().safeHarbor()
                ? "encrypted data is excluded" + (d.encryption().keyDefeats() ? ", unless the key was compromised too" : ", even with the key")
                : "no encryption safe harbor";
        var harm = d.riskOfHarm().exception()
                ? "no notice if " + d.riskOfHarm().test() + (d.riskOfHarm().documentation() == null ? "" : "; " + d.riskOfHarm().documentation())
                : "none: notice regardless of the likelihood of harm";
        return new CatalogReport.Definition(d.statute(), d.basis(), d.confidence().name(), d.trigger().name().toLowerCase(),
                d.personalInformation().withName(), d.personalInformation().alone(), encryption,
                d.goodFaithEmployeeExclusion(), harm, d.note());
    }

    private static RuleEntry entry(Rule rule) {
        var when = rule.appliesTo();
        List<String> conditions = new ArrayList<>();
        if (when.roles() != null) {
            conditions.add("roles " + when.roles().stream().map(r -> r.name().toLowerCase()).collect(Collectors.joining(", ")));
        }
        if (when.anyEntityFlag() != null) {
            conditions.add("entities flagged " + when.anyEntityFlag().stream().map(f -> f.name().toLowerCase()).collect(Collectors.joining(" or ")));
        }
        if (when.gdprRoles() != null) {
            conditions.add("GDPR " + when.gdprRoles().stream().map(r -> r.name().toLowerCase()).collect(Collectors.joining(" or ")));
        }
        if (when.hipaaBreach()) {
            conditions.add("a breach under HIPAA's test (164.402)");
        }
        var threshold = rule.threshold() == null ? null : rule.threshold().count().name().toLowerCase().replace('_', ' ')
                + " " + rule.threshold().operator().symbol + " " + rule.threshold().value();
        return new RuleEntry(rule.id(), rule.recipient(), rule.regime(), rule.basis(), rule.confidence().name(),
                String.join("; ", conditions), threshold, clock(rule.clock()), rule.hipaaEntities().name().toLowerCase(),
                rule.hipaaNote(), rule.lawEnforcementDelay(),
                rule.ambiguities().stream().map(a -> a.ref() + ": " + a.text()).toList(), rule.advice(), rule.note());
    }

    static String clock(Clock clock) {
        String start = clock.start().name().toLowerCase().replace('_', ' ');
        String words = switch (clock.period()) {
            case NONE -> clock.wording().name().toLowerCase().replace('_', ' ') + " after " + start;
            case ANNUAL_LOG -> "annual log, " + clock.amount() + " days after the end of the year of "
                    + clock.yearOf().name().toLowerCase().replace('_', ' ');
            default -> clock.amount() + " " + DeadlineReadings.periodWords(clock.period(), clock.amount()) + " after " + start;
        };
        if (clock.isRelative()) {
            String relation = clock.relation().name().toLowerCase().replace('_', ' ');
            words = switch (clock.relation()) {
                case AFTER -> clock.amount() + " " + DeadlineReadings.periodWords(clock.period(), clock.amount())
                        + " after the " + String.join(" or ", clock.notice()) + " notice";
                default -> relation + " the " + String.join(" or ", clock.notice()) + " notice";
            };
        }
        return clock.outerLimit() == null ? words : words + ", at the latest " + clock(clock.outerLimit());
    }
}
