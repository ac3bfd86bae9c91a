package org.vigil.regulation;

import org.springframework.modulith.NamedInterface;

/**
 * The regulation module's facade: for one incident, which notifications are due, to whom, by when and why.
 * A pure function of the request and the catalog; thread-safe. Spring creates it in {@link RegulationConfiguration};
 * tests and tools may construct it directly.
 */
@NamedInterface("api")
public class NotificationPlans {

    private final RuleCatalog catalog;
    private final PlanRequestValidator validator;
    private final PlanComposer composer;
    private final CatalogReport report;

    public NotificationPlans(RuleCatalog catalog) {
        this.catalog = catalog;
        this.validator = new PlanRequestValidator(catalog);
        this.composer = new PlanComposer(catalog);
        this.report = CatalogReports.of(catalog);
    }

    /** The catalog in words, for counsel's review: jurisdictions, definitions, rules, citations and confidence. */
    public CatalogReport catalogReport() {
        return report;
    }

    /**
     * @throws InvalidPlanRequestException naming the field when the request cannot be planned
     */
    public NotificationPlan plan(PlanRequest request) {
        validator.validate(request);
        return composer.compose(request);
    }

    /**
     * The day the law of catalog rule {@code ruleId} treats this incident's breach as discovered, the start of the
     * rule's clock as {@link #plan} reads it: HIPAA's first day known to the workforce (164.404(a)(2)), GDPR's
     * awareness, a state's discovery. A notice whose clock runs from another notice counts from that notice's
     * discovery (or from its outer limit's); a rule that counts from a determination or from the end of a year still
     * has the discovery as its discovery. Empty for a rule the catalog does not hold (a contractual duty).
     *
     * @throws InvalidPlanRequestException naming the field when the request cannot be planned
     */
    public java.util.Optional<java.time.OffsetDateTime> discoveryCountedBy(PlanRequest request, String ruleId) {
        validator.validate(request);
        var facts = new IncidentFacts(request, catalog);
        return rule(ruleId).map(rule -> facts.inZone(discovery(rule, facts, new java.util.HashSet<>())));
    }

    private java.time.Instant discovery(Rule rule, IncidentFacts facts, java.util.Set<String> followed) {
        Rule.Clock clock = rule.clock();
        Rule.ClockStart start = clock.isRelative() ? (clock.outerLimit() == null ? null : clock.outerLimit().start())
                : clock.period() == Rule.Period.ANNUAL_LOG ? clock.yearOf() : clock.start();
        if (start == null) {
            // "Not later than the individual notice": the breach was discovered when that notice's law says.
            for (String earlier : clock.notice()) {
                var found = rule(earlier);
                if (found.isPresent() && followed.add(earlier)) {
                    return discovery(found.get(), facts, followed);
                }
            }
            start = Rule.ClockStart.DISCOVERY;
        }
        return switch (start) {
            case DETERMINATION, NOTICE_SENT, END_OF_CALENDAR_YEAR -> facts.start(Rule.ClockStart.DISCOVERY).instant();
            default -> facts.start(start).instant();
        };
    }

    private java.util.Optional<Rule> rule(String ruleId) {
        return catalog.rules().stream().filter(rule -> rule.id().equals(ruleId)).findFirst();
    }

    public String catalogVersion() {
        return catalog.version();
    }
}
