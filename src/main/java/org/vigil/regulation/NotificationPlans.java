package org.vigil.regulation;

/**
 * The regulation module's facade: for one incident, which notifications are due, to whom, by when and why.
 * A pure function of the request and the catalog; thread-safe. Spring creates it in {@link RegulationConfiguration};
 * tests and tools may construct it directly.
 */
public class NotificationPlans {

    private final RuleCatalog catalog;
    private final PlanRequestValidator validator;
    private final PlanComposer composer;

    public NotificationPlans(RuleCatalog catalog) {
        this.catalog = catalog;
        this.validator = new PlanRequestValidator(catalog);
        this.composer = new PlanComposer(catalog);
    }

    /**
     * @throws InvalidPlanRequestException naming the field when the request cannot be planned
     */
    public NotificationPlan plan(PlanRequest request) {
        validator.validate(request);
        return composer.compose(request);
    }

    public String catalogVersion() {
        return catalog.version();
    }
}
