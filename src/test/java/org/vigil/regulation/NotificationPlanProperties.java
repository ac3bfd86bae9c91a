package org.vigil.regulation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.vigil.regulation.NotificationPlan.Notification;
import org.vigil.regulation.PlanRequest.BusinessAssociateDiscovery;
import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay;
import org.vigil.regulation.PlanRequest.RiskAssessmentConclusion;
import org.vigil.regulation.PlanRequest.Role;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties that hold for every incident, not just the ones the rule tables name. */
class NotificationPlanProperties {

    private static final List<String> ZONES = List.of("America/Chicago", "America/Los_Angeles", "America/New_York",
            "America/Phoenix", "Europe/Berlin", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/St_Johns",
            "Pacific/Auckland", "UTC");

    private static final List<String> CODES = List.of("US", "US-TX", "US-CA", "US-NY", "US-CO", "US-FL", "US-IL",
            "US-WA", "US-OH", "US-VT", "US-ME", "US-MD", "US-CT", "US-DE", "US-AZ", "US-TN", "EU-DE", "EU-FR", "EU-IE",
            "UK", "CA-ON", "AU");

    private static final Set<String> DAY_BASED = Set.of("fixed_calendar_days", "fixed_business_days", "annual_log_by");

    @Property(tries = 400)
    void noDeadlineEverPrecedesTheEarliestKnowledgeOfTheIncident(@ForAll("requests") PlanRequest request) {
        var plan = Plans.PLANS.plan(request);
        Instant earliest = earliestKnowledge(request);

        for (Notification n : plan.notifications()) {
            Stream.of(n.deadline(), n.alternativeDeadline(), n.holdUntil()).filter(Objects::nonNull).forEach(deadline ->
                    assertThat(deadline.toInstant()).as(n.recipient() + "(" + n.jurisdiction() + ") " + n.computation())
                            .isAfterOrEqualTo(earliest));
        }
    }

    @Property(tries = 400)
    void everyDayBasedDeadlineEndsAt235959LocalWithThatDatesOffset(@ForAll("requests") PlanRequest request) {
        var plan = Plans.PLANS.plan(request);
        ZoneId zone = ZoneId.of(request.entityTimezone());

        for (Notification n : plan.notifications()) {
            if (DAY_BASED.contains(n.deadlineRule()) || n.deadlineRule().startsWith("relative:")) {
                assertEndOfLocalDay(n.deadline(), zone, n);
            }
            if (n.holdUntil() != null) {
                assertEndOfLocalDay(n.holdUntil(), zone, n);
            }
        }
    }

    @Property(tries = 300)
    void addingAffectedIndividualsNeverRemovesADuty(@ForAll("requests") PlanRequest request, @ForAll("codes") String elsewhere,
                                                     @ForAll boolean whereAlreadyAffected, @ForAll("extra") int more) {
        var before = duties(Plans.PLANS.plan(request));
        Map<String, Integer> counts = new LinkedHashMap<>(request.affectedCounts());
        // Half the time grow a jurisdiction already affected, where thresholds are crossed most often.
        String where = whereAlreadyAffected ? counts.keySet().iterator().next() : elsewhere;
        counts.merge(where, more, Integer::sum);
        var after = duties(Plans.PLANS.plan(withCounts(request, counts)));

        assertThat(after).as("adding %d in %s", more, where).containsAll(before);
    }

    private static void assertEndOfLocalDay(OffsetDateTime deadline, ZoneId zone, Notification n) {
        assertThat(deadline).as(n.recipient() + " " + n.deadlineRule()).isNotNull();
        assertThat(deadline.toLocalTime()).as(n.recipient() + " " + n.computation()).isEqualTo(LocalTime.of(23, 59, 59));
        List<ZoneOffset> valid = zone.getRules().getValidOffsets(deadline.toLocalDateTime());
        assertThat(valid).as("offset of " + deadline + " in " + zone).contains(deadline.getOffset());
    }

    private static Set<String> duties(NotificationPlan plan) {
        return plan.notifications().stream().map(n -> n.recipient() + "(" + n.jurisdiction() + ")").collect(Collectors.toSet());
    }

    private static Instant earliestKnowledge(PlanRequest r) {
        List<Instant> candidates = new ArrayList<>();
        candidates.add(r.discoveredAt().toInstant());
        if (r.firstKnownToWorkforceAt() != null) {
            candidates.add(r.firstKnownToWorkforceAt().toInstant());
        }
        if (r.businessAssociate() != null) {
            candidates.add(r.businessAssociate().discoveredAt().toInstant());
        }
        if (r.gdpr() != null && r.gdpr().awarenessAt() != null) {
            candidates.add(r.gdpr().awarenessAt().toInstant());
        }
        return candidates.stream().min(Instant::compareTo).orElseThrow();
    }

    private static PlanRequest withCounts(PlanRequest r, Map<String, Integer> counts) {
        return new PlanRequest(r.discoveredAt(), r.firstKnownToWorkforceAt(), r.entityTimezone(), r.role(), counts,
                r.dataElements(), r.contactInfoOutOfDateCount(), r.lawEnforcementDelay(), r.encryptedNistSafeHarbor(),
                r.encryptionKeyCompromised(), r.riskAssessmentConclusion(), r.hipaaBreachException(), r.stateDeterminationAt(),
                r.businessAssociate(), r.gdpr(), r.entityFlags(), r.sentNotices());
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(CODES);
    }

    @Provide
    Arbitrary<Integer> extra() {
        return Arbitraries.integers().between(1, 6000);
    }

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
            Gdpr gdpr = gdprRole == null ? null : new Gdpr(Gdpr.GdprRegime.GDPR, gdprRole,
                    awarenessHoursFromDiscovery == null ? null : discoveredAt.plusHours(awarenessHoursFromDiscovery),
                    gdprRisk, mainEstablishment, null, null);
            return new PlanRequest(discoveredAt,
                    workforceDaysEarlier == null ? null : discoveredAt.minusDays(workforceDaysEarlier),
                    zone, role, counts, List.of("name", "diagnosis"), outOfDate, hold, encrypted, keyCompromised, risk, null,
                    determinationDaysLater == null ? null : discoveredAt.plusDays(determinationDaysLater),
                    ba, gdpr, List.copyOf(flags), List.of());
        }
    }

    @Provide
    Arbitrary<PlanRequest> requests() {
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
                .build(Draft::toRequest);
    }

    @Property(tries = 50)
    void plansArePureFunctionsOfTheRequest(@ForAll("requests") PlanRequest request) {
        assertThat(Plans.PLANS.plan(request)).isEqualTo(Plans.PLANS.plan(request));
    }

}
