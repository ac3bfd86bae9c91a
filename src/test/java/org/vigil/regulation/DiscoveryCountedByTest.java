package org.vigil.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.Gdpr.GdprRegime;
import org.vigil.regulation.PlanRequest.Gdpr.GdprRole;
import org.vigil.regulation.PlanRequest.Gdpr.RiskLevel;

/** The discovery date a notice states is the start of its own law's clock (RULES.md H5, G2, C7). */
class DiscoveryCountedByTest {

    private static final PlanRequest INCIDENT = Incident.discoveredAt("2026-03-03T10:15:00-06:00")
            .firstKnownToWorkforceAt("2026-03-02T16:00:00-06:00")
            .affecting("US-TX", 920).affecting("EU-DE", 15)
            .withGdpr(new Gdpr(GdprRegime.GDPR, GdprRole.CONTROLLER, OffsetDateTime.parse("2026-03-01T09:00:00+01:00"), RiskLevel.HIGH, null, null, null))
            .request();

    @Test
    void hipaaCountsFromTheFirstDayTheWorkforceKnewAndSoDoTheNoticesThatFollowTheIndividualNotice() {
        assertThat(at("H6")).isEqualTo("2026-03-02T16:00-06:00");
        // HHS within 60 days (outer limit) and the substitute notice (runs from the individual notice).
        assertThat(at("H10")).isEqualTo("2026-03-02T16:00-06:00");
        assertThat(at("H8-10-OR-MORE")).isEqualTo("2026-03-02T16:00-06:00");
    }

    @Test
    void gdprCountsFromAwarenessAndAStateThatCountsFromDeterminationStillDiscoveredOnItsDiscoveryDay() {
        assertThat(at("G5")).isEqualTo("2026-03-01T02:00-06:00");
        assertThat(at("TX-INDIVIDUALS")).isEqualTo("2026-03-03T10:15-06:00");
    }

    @Test
    void aDutyOutsideTheCatalogHasNoDiscoveryOfItsOwn() {
        assertThat(Plans.PLANS.discoveryCountedBy(INCIDENT, "contract:baa-northwind-clinics")).isEmpty();
    }

    private static String at(String ruleId) {
        return Plans.PLANS.discoveryCountedBy(INCIDENT, ruleId).orElseThrow().toString();
    }
}
