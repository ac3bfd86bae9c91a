package org.vigil.regulation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigil.regulation.NotificationPlan.Notification;
import org.vigil.regulation.PlanRequest.BusinessAssociateDiscovery;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.RiskAssessmentConclusion;
import org.vigil.regulation.PlanRequest.Role;
import org.vigil.regulation.Rule.ClockStart;
import org.vigil.regulation.Rule.HipaaTreatment;
import org.vigil.regulation.Rule.Period;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLAN-API.md, "Readings settled", as properties over generated incidents: each regime decides by its own definition,
 * a fact supplied is used as given, and processors notify upstream only.
 */
class RegimeIndependenceProperties {

    @Provide
    Arbitrary<PlanRequest> requests() {
        return GeneratedIncidents.requests();
    }

    @Provide
    Arbitrary<HipaaOnlyFacts> hipaaFacts() {
        return net.jqwik.api.Combinators.combine(
                Arbitraries.of(RiskAssessmentConclusion.class).injectNull(0.3),
                Arbitraries.of("164.402(1)(iii)").injectNull(0.5),
                Arbitraries.integers().between(0, 30).injectNull(0.5),
                Arbitraries.of(true, false).injectNull(0.5))
                .as(HipaaOnlyFacts::new);
    }

    /** The facts only HIPAA reads: its four-factor conclusion, exception (iii), workforce knowledge, agency. */
    record HipaaOnlyFacts(RiskAssessmentConclusion risk, String exception, Integer workforceDaysEarlier, Boolean agent) {

        PlanRequest applyTo(PlanRequest r) {
            var discovered = r.discoveredAt();
            BusinessAssociateDiscovery ba = agent == null || r.role() != Role.COVERED_ENTITY ? null
                    : new BusinessAssociateDiscovery(discovered.minusDays(15), discovered.minusDays(2), agent);
            // (i) and (ii) are also the facts of the states' good-faith employee exclusion: keep the request's.
            String hipaaException = "164.402(1)(iii)".equals(r.hipaaBreachException()) || r.hipaaBreachException() == null
                    ? exception : r.hipaaBreachException();
            return new PlanRequest(discovered, workforceDaysEarlier == null ? null : discovered.minusDays(workforceDaysEarlier),
                    r.entityTimezone(), r.role(), r.affectedCounts(), r.dataElements(), r.contactInfoOutOfDateCount(),
                    r.lawEnforcementDelay(), r.encryptedNistSafeHarbor(), r.encryptionKeyCompromised(), risk, hipaaException,
                    r.stateDeterminationAt(), ba, r.gdpr(), r.entityFlags(), r.sentNotices(), r.accessWithoutAcquisition(),
                    r.stateNoHarmDeterminations());
        }
    }

    @Property(tries = 400)
    void aStateDutyNeverDependsOnAHipaaFactUnlessItsRuleNamesTheLink(@ForAll("requests") PlanRequest request,
                                                                     @ForAll("hipaaFacts") HipaaOnlyFacts other) {
        var before = unlinkedStateDuties(Plans.PLANS.plan(request));
        var after = unlinkedStateDuties(Plans.PLANS.plan(other.applyTo(request)));

        assertThat(after).as("state duties without a HIPAA link, after changing only %s", other).isEqualTo(before);
    }

    @Property(tries = 400)
    void aSuppliedDeterminationStartsEveryDeterminationClockAsGiven(@ForAll("requests") PlanRequest request) {
        var plan = Plans.PLANS.plan(request);
        if (request.stateDeterminationAt() == null || request.lawEnforcementDelay() != null) {
            return;
        }
        ZoneId zone = ZoneId.of(request.entityTimezone());
        var determined = request.stateDeterminationAt().atZoneSameInstant(zone).toLocalDate();
        for (Notification n : plan.notifications()) {
            Rule rule = rule(n.ruleId());
            var clock = rule.clock();
            if (clock.start() != ClockStart.DETERMINATION || clock.period() != Period.CALENDAR_DAYS
                    || rule.hipaaEntities() == HipaaTreatment.SHORTEST_DEADLINE_WINS) {
                continue;
            }
            var expected = DeadlineCalculator.endOfDay(determined.plusDays(clock.amount()), zone);
            assertThat(n.deadline()).as(n.ruleId() + " " + n.jurisdiction() + ": " + n.computation()).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void anIndependentBusinessAssociatesDiscoveryNeverStartsTheCoveredEntitysHipaaClock(@ForAll("requests") PlanRequest request) {
        if (request.role() != Role.COVERED_ENTITY || request.lawEnforcementDelay() != null) {
            return;
        }
        var discovered = request.discoveredAt();
        // The business associate found it 40 days before the covered entity, and told it on the day of discovery.
        var independent = new PlanRequest(discovered, null, request.entityTimezone(), request.role(), request.affectedCounts(),
                request.dataElements(), request.contactInfoOutOfDateCount(), null, request.encryptedNistSafeHarbor(),
                request.encryptionKeyCompromised(), request.riskAssessmentConclusion(), request.hipaaBreachException(),
                request.stateDeterminationAt(), new BusinessAssociateDiscovery(discovered.minusDays(40), discovered, false),
                request.gdpr(), request.entityFlags(), request.sentNotices());

        Optional<Notification> individuals = Plans.notification(Plans.PLANS.plan(independent), "individuals", "US");
        ZoneId zone = ZoneId.of(request.entityTimezone());
        individuals.ifPresent(n -> assertThat(n.deadline()).as(n.computation()).isEqualTo(
                DeadlineCalculator.endOfDay(discovered.atZoneSameInstant(zone).toLocalDate().plusDays(60), zone)));
    }

    @Property(tries = 300)
    void aProcessorNotifiesItsControllerPerMemberStateAndNeverAnAuthorityOrTheDataSubjects(@ForAll("requests") PlanRequest request) {
        if (request.gdpr() == null || request.gdpr().role() != Gdpr.GdprRole.PROCESSOR) {
            return;
        }
        var plan = Plans.PLANS.plan(request);

        assertThat(plan.notifications()).noneSatisfy(n -> assertThat(n.recipient()).satisfiesAnyOf(
                recipient -> assertThat(recipient).startsWith("supervisory_authority:"),
                recipient -> assertThat(recipient).isEqualTo("data_subjects")));
        var euStates = request.affectedCounts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("EU-") && e.getValue() > 0).map(Map.Entry::getKey).toList();
        for (String memberState : euStates) {
            assertThat(Plans.notification(plan, "controller", memberState)).as("controller notice for " + memberState).isPresent();
        }
        if (request.affectedCounts().getOrDefault("UK", 0) > 0) {
            assertThat(Plans.notification(plan, "controller", "UK")).as("UK GDPR controller notice").isPresent();
        }
    }

    /** The state duties whose rule names no HIPAA link, with their deadlines: what HIPAA's facts must not move. */
    private static Map<String, OffsetDateTime> unlinkedStateDuties(NotificationPlan plan) {
        return plan.notifications().stream()
                .filter(n -> n.jurisdiction().startsWith("US-") && !linkedToHipaa(rule(n.ruleId())))
                .collect(Collectors.toMap(n -> n.ruleId() + "(" + n.jurisdiction() + ")",
                        n -> n.deadline() == null ? OffsetDateTime.MIN : n.deadline(), (a, b) -> a, TreeMap::new));
    }

    private static boolean linkedToHipaa(Rule rule) {
        return CatalogValidator.readsHipaa(rule)
                || rule.clock().notice().stream().map(RegimeIndependenceProperties::rule).anyMatch(earlier ->
                !earlier.jurisdiction().startsWith("US-") || linkedToHipaa(earlier));
    }

    private static Rule rule(String id) {
        return Plans.CATALOG.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
