package org.vigil.regulation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import org.vigil.regulation.PlanRequest.BusinessAssociateDiscovery;
import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay;
import org.vigil.regulation.PlanRequest.RiskAssessmentConclusion;
import org.vigil.regulation.PlanRequest.Role;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Generated incidents for the property tests: every field of the plan API, in plausible and awkward combinations. */
final class GeneratedIncidents {

    private GeneratedIncidents() {
    }

    private static final List<String> ZONES = List.of("America/Chicago", "America/Los_Angeles", "America/New_York",
            "America/Phoenix", "Europe/Berlin", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/St_Johns",
            "Pacific/Auckland", "UTC");

    /** Every US state and territory of the catalog, and a few codes of each other regime. */
    static final List<String> CODES = codes();

    private static List<String> codes() {
        List<String> codes = new ArrayList<>(Plans.CATALOG.jurisdictions().keySet().stream()
                .filter(code -> code.startsWith("US")).toList());
        codes.addAll(List.of("EU-DE", "EU-FR", "EU-IE", "UK", "CA-ON", "CA-AB", "AU"));
        return List.copyOf(codes);
    }

    static final List<List<String>> DATA_ELEMENTS = List.of(
            List.of("name", "diagnosis"), List.of("name", "ssn"), List.of("name", "health_insurance_id"),
            List.of("name", "date_of_birth"), List.of("email_credentials"), List.of("diagnosis", "medical_record_number"),
            List.of("name", "financial_account", "diagnosis"), List.of());

    /** A draft incident that the generators fill in; times are offsets from discovery in hours or days. */
    static final class Draft {
        String zone;
        Instant discovered;
        Role role;
        Map<String, Integer> counts;
        Integer workforceDaysEarlier;
        Integer determinationDaysLater;
        int outOfDate;
        LawEnforcementDelay.Form holdForm;
        int holdStatementDaysLater;
        Integer holdDays;
        boolean encrypted;
        boolean keyCompromised;
        RiskAssessmentConclusion risk;
        Boolean agent;
        Integer awarenessHoursFromDiscovery;
        Gdpr.RiskLevel gdprRisk;
        Gdpr.GdprRole gdprRole;
        String mainEstablishment;
        Set<EntityFlag> flags;
        String hipaaException;
        List<String> dataElements;
        boolean accessOnly;
        Gdpr.GdprRegime gdprRegime;

        PlanRequest toRequest() {
            ZoneId z = ZoneId.of(zone);
            OffsetDateTime discoveredAt = discovered.atZone(z).toOffsetDateTime();
            LawEnforcementDelay hold = null;
            if (holdForm != null) {
                OffsetDateTime statement = discoveredAt.plusDays(holdStatementDaysLater);
                var followup = holdForm == LawEnforcementDelay.Form.ORAL_THEN_WRITTEN
                        ? new PlanRequest.WrittenFollowup(statement.plusDays(10), statement.toLocalDate().plusDays(90)) : null;
                hold = new LawEnforcementDelay(holdForm, statement, holdDays, followup);
            }
            BusinessAssociateDiscovery ba = null;
            if (agent != null && role == Role.COVERED_ENTITY) {
                ba = new BusinessAssociateDiscovery(discoveredAt.minusDays(12), discoveredAt.minusDays(1), agent);
            }
            boolean uk = gdprRegime == Gdpr.GdprRegime.UK_GDPR;
            Gdpr gdpr = gdprRole == null ? null : new Gdpr(gdprRegime, gdprRole,
                    awarenessHoursFromDiscovery == null ? null : discoveredAt.plusHours(awarenessHoursFromDiscovery),
                    gdprRisk, uk ? (mainEstablishment == null ? null : "UK") : mainEstablishment, null, null);
            return new PlanRequest(discoveredAt,
                    workforceDaysEarlier == null ? null : discoveredAt.minusDays(workforceDaysEarlier),
                    zone, role, counts, dataElements, outOfDate, hold, encrypted, keyCompromised, risk, hipaaException,
                    determinationDaysLater == null ? null : discoveredAt.plusDays(determinationDaysLater),
                    ba, gdpr, List.copyOf(flags), List.of(), accessOnly, null);
        }
    }

    static Arbitrary<PlanRequest> requests() {
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2035-12-31T23:59:59Z").getEpochSecond();
        return Builders.withBuilder(Draft::new)
                .use(Arbitraries.of(ZONES)).in((d, v) -> { d.zone = v; return d; })
                .use(Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond)).in((d, v) -> { d.discovered = v; return d; })
                .use(Arbitraries.of(Role.class)).in((d, v) -> { d.role = v; return d; })
                .use(Arbitraries.maps(Arbitraries.of(CODES), Arbitraries.integers().between(0, 1500)).ofMinSize(1).ofMaxSize(6))
                .in((d, v) -> { d.counts = v; return d; })
                .use(Arbitraries.integers().between(0, 20).injectNull(0.6)).in((d, v) -> { d.workforceDaysEarlier = v; return d; })
                .use(Arbitraries.integers().between(0, 45).injectNull(0.5)).in((d, v) -> { d.determinationDaysLater = v; return d; })
                .use(Arbitraries.integers().between(0, 15)).in((d, v) -> { d.outOfDate = v; return d; })
                .use(Arbitraries.of(LawEnforcementDelay.Form.class).injectNull(0.6)).in((d, v) -> { d.holdForm = v; return d; })
                .use(Arbitraries.integers().between(0, 70)).in((d, v) -> { d.holdStatementDaysLater = v; return d; })
                .use(Arbitraries.integers().between(1, 120).injectNull(0.5)).in((d, v) -> { d.holdDays = v; return d; })
                .use(Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false)).as(List::of))
                .in((d, v) -> { d.encrypted = v.get(0); d.keyCompromised = v.get(1); return d; })
                .use(Arbitraries.of(RiskAssessmentConclusion.class).injectNull(0.2)).in((d, v) -> { d.risk = v; return d; })
                .use(Arbitraries.of(true, false).injectNull(0.6)).in((d, v) -> { d.agent = v; return d; })
                .use(Arbitraries.integers().between(-48, 120).injectNull(0.4)).in((d, v) -> { d.awarenessHoursFromDiscovery = v; return d; })
                .use(Arbitraries.of(Gdpr.RiskLevel.class).injectNull(0.3)).in((d, v) -> { d.gdprRisk = v; return d; })
                .use(Arbitraries.of(Gdpr.GdprRole.class).injectNull(0.4)).in((d, v) -> { d.gdprRole = v; return d; })
                .use(Arbitraries.of("DE", "IE", "FR").injectNull(0.5)).in((d, v) -> { d.mainEstablishment = v; return d; })
                .use(Arbitraries.subsetOf(EntityFlag.values())).in((d, v) -> { d.flags = v; return d; })
                .use(Arbitraries.of("164.402(1)(i)", "164.402(1)(ii)", "164.402(1)(iii)").injectNull(0.7))
                .in((d, v) -> { d.hipaaException = v; return d; })
                .use(Arbitraries.of(DATA_ELEMENTS)).in((d, v) -> { d.dataElements = v; return d; })
                .use(Arbitraries.of(true, false)).in((d, v) -> { d.accessOnly = v; return d; })
                .use(Arbitraries.of(Gdpr.GdprRegime.class)).in((d, v) -> { d.gdprRegime = v; return d; })
                .build(Draft::toRequest);
    }

}
