package org.vigil.regulation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.regulation.PlanRequest.BusinessAssociateDiscovery;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay;
import org.vigil.regulation.PlanRequest.SentNotice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade refuses what it cannot plan and names the field, also when called without HTTP (e.g. by breach). */
class PlanRequestValidationTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T10:15:00-06:00");

    private static PlanRequest valid() {
        return Incident.discoveredAt("2026-03-02T10:15:00-06:00").affecting("US-TX", 300).request();
    }

    private static PlanRequest with(String change) {
        PlanRequest r = valid();
        UnaryOperator<PlanRequest> mutation = switch (change) {
            case "no discovery" -> x -> new PlanRequest(null, x.firstKnownToWorkforceAt(), x.entityTimezone(), x.role(), x.affectedCounts(), x.dataElements(), x.contactInfoOutOfDateCount(), x.lawEnforcementDelay(), x.encryptedNistSafeHarbor(), x.encryptionKeyCompromised(), x.riskAssessmentConclusion(), x.hipaaBreachException(), x.stateDeterminationAt(), x.businessAssociate(), x.gdpr(), x.entityFlags(), x.sentNotices());
            case "unknown zone" -> x -> withZone(x, "Mars/Olympus_Mons");
            case "offset zone" -> x -> withZone(x, "-05:00");
            case "no zone" -> x -> withZone(x, null);
            case "no role" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), null, x.affectedCounts(), null, null, null, null, null, null, null, null, null, null, null, null);
            case "no counts" -> x -> withCounts(x, Map.of());
            case "unknown state" -> x -> withCounts(x, Map.of("US-ZZ", 3));
            case "negative count" -> x -> withCounts(x, Map.of("US-TX", -1));
            case "negative out-of-date" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, -2, null, null, null, null, null, null, null, null, null, null);
            case "unknown exception" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, null, null, null, null, null, "164.402(1)(iv)", null, null, null, null, null);
            case "hold without statement" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, null, new LawEnforcementDelay(LawEnforcementDelay.Form.ORAL, null, null, null), null, null, null, null, null, null, null, null, null);
            case "oral then written without the written" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, null, new LawEnforcementDelay(LawEnforcementDelay.Form.ORAL_THEN_WRITTEN, AT, null, null), null, null, null, null, null, null, null, null, null);
            case "independent BA without notice date" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, null, null, null, null, null, null, null, new BusinessAssociateDiscovery(AT, null, false), null, null, null);
            case "GDPR without regime" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, null, null, null, null, null, null, null, null, new Gdpr(null, null, null, null, null, null, null), null, null);
            case "unknown main establishment" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, null, null, null, null, null, null, null, null, new Gdpr(Gdpr.GdprRegime.GDPR, null, null, null, "XX", null, null), null, null);
            case "sent notice in unknown place" -> x -> new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), x.affectedCounts(), null, null, null, null, null, null, null, null, null, null, null, List.of(new SentNotice("individuals", "Texas", AT)));
            default -> throw new IllegalArgumentException(change);
        };
        return mutation.apply(r);
    }

    private static PlanRequest withZone(PlanRequest x, String zone) {
        return new PlanRequest(x.discoveredAt(), null, zone, x.role(), x.affectedCounts(), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static PlanRequest withCounts(PlanRequest x, Map<String, Integer> counts) {
        return new PlanRequest(x.discoveredAt(), null, x.entityTimezone(), x.role(), counts, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @ParameterizedTest(name = "{0}: field {1}")
    @CsvSource(textBlock = """
            # what is wrong                         | field named
              no discovery                          | discoveredAt
              unknown zone                          | entityTimezone
              offset zone                           | entityTimezone
              no zone                               | entityTimezone
              no role                               | role
              no counts                             | affectedCounts
              unknown state                         | affectedCounts.US-ZZ
              negative count                        | affectedCounts.US-TX
              negative out-of-date                  | contactInfoOutOfDateCount
              unknown exception                     | hipaaBreachException
              hold without statement                | lawEnforcementDelay.statementAt
              oral then written without the written | lawEnforcementDelay.writtenFollowup
              independent BA without notice date    | businessAssociate.notifiedCoveredEntityAt
              GDPR without regime                   | gdpr.regime
              unknown main establishment            | gdpr.mainEstablishment
              sent notice in unknown place          | sentNotices[0].jurisdiction
            """, delimiter = '|')
    void anUnplannableRequestIsRefusedNamingTheField(String change, String field) {
        assertThatThrownBy(() -> Plans.PLANS.plan(with(change)))
                .isInstanceOf(InvalidPlanRequestException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidPlanRequestException) e).field()).isEqualTo(field))
                .hasMessageContaining(field.replaceAll("\\[\\d]", "").replaceAll("\\..*", ""));
    }
}
