package org.vigil.regulation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigil.regulation.NotificationPlan.Notification;

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

        // A duty to the EU as a whole ("EU") moves to the member state once one has residents affected.
        for (String duty : before) {
            String forTheEu = duty.endsWith("(EU)") ? duty.substring(0, duty.length() - 3) + "EU-" : null;
            assertThat(after).as("adding %d in %s", more, where).anySatisfy(d -> assertThat(
                    d.equals(duty) || (forTheEu != null && d.startsWith(forTheEu))).as(duty).isTrue());
        }
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
        return Arbitraries.of(GeneratedIncidents.CODES);
    }

    @Provide
    Arbitrary<Integer> extra() {
        return Arbitraries.integers().between(1, 6000);
    }

    @Provide
    Arbitrary<PlanRequest> requests() {
        return GeneratedIncidents.requests();
    }

    @Property(tries = 50)
    void plansArePureFunctionsOfTheRequest(@ForAll("requests") PlanRequest request) {
        assertThat(Plans.PLANS.plan(request)).isEqualTo(Plans.PLANS.plan(request));
    }

}
