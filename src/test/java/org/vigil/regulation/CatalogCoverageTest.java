package org.vigil.regulation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17's coverage: every US jurisdiction has its own definition and duties, and no plan leaves one to memory. */
class CatalogCoverageTest {

    static final List<String> US = CatalogReports.US_JURISDICTIONS;

    @Test
    void theReportShowsAllFiftyFourUsJurisdictionsCovered() {
        var report = Plans.PLANS.catalogReport();

        assertThat(US).hasSize(54).doesNotHaveDuplicates();
        assertThat(report.usCoverage().missing()).isEmpty();
        assertThat(report.usCoverage().covered()).isEqualTo(54);
        long rules = report.rulesByConfidence().values().stream().mapToLong(Long::longValue).sum();
        assertThat(rules).isEqualTo(Plans.CATALOG.size());
        assertThat(report.unverified()).allSatisfy(id -> assertThat(
                Plans.CATALOG.rules().stream().anyMatch(r -> r.id().equals(id) && r.confidence() == Rule.Confidence.UNVERIFIED)
                        || id.startsWith("definition US-")).isTrue());
    }

    @ParameterizedTest
    @FieldSource("US")
    void aBreachOfThatJurisdictionsResidentsIsPlannedWithoutACoverageGap(String code) {
        var plan = Plans.planFor(Incident.discoveredAt("2026-03-02T10:15:00-06:00").in("America/Chicago")
                .as(PlanRequest.Role.NONE).affecting(code, 1200).withDataElements("ssn"));

        assertThat(plan.ambiguities()).noneSatisfy(a -> assertThat(a.ref()).isEqualTo("catalog_coverage"));
        assertThat(plan.notifications()).as("duties to the residents of " + code)
                .anySatisfy(n -> assertThat(n.jurisdiction()).isEqualTo(code));
    }
}
