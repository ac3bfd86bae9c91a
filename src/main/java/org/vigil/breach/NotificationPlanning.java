package org.vigil.breach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.vigil.documents.Documents;
import org.vigil.regulation.NotificationPlan;
import org.vigil.regulation.NotificationPlans;
import org.vigil.regulation.PlanRequest;

/**
 * Turns an incident's facts into a typed notification-plan request (the records of shared/regulatory/PLAN-API.md),
 * asks the regulation capability's {@link NotificationPlans}, and adds the contractual duties of the agreements register. Duties without a
 * fixed legal deadline ("without undue delay") get an internal target so they are chased all the same.
 */
@Component
class NotificationPlanning {

    private final Incidents incidents;
    private final ObligationRepository obligations;
    private final NotificationPlans regulation;
    private final ContractualDuties contracts;
    private final Clock clock;
    private final Duration undueDelayTarget;
    private final Documents documents;
    private final String provisionalRole;
    /** A corrected dispatch time counts where a deadline runs from another notice. */
    private final DispatchCorrections corrections;
    private final ObjectMapper json;

    NotificationPlanning(Incidents incidents, ObligationRepository obligations, NotificationPlans regulation,
            ContractualDuties contracts, Clock clock, BreachSettings settings, Documents documents,
            DispatchCorrections corrections, ObjectMapper json) {
        this.json = json;
        this.provisionalRole = settings.provisionalRole();
        this.documents = documents;
        this.corrections = corrections;
        this.incidents = incidents;
        this.obligations = obligations;
        this.regulation = regulation;
        this.contracts = contracts;
        this.clock = clock;
        this.undueDelayTarget = settings.undueDelayTarget();
    }

    /** Whether the four-factor assessment is done: from then on the plan is the assessment's, not the provisional one. */
    boolean assessed(long incidentId) {
        return incidents.require(incidentId).riskAssessment() != null;
    }

    PlanResult planFor(long incidentId) {
        var incident = incidents.require(incidentId);
        var facts = json.convertValue(
                readTree(incident.facts()), InvestigationFacts.class);
        JsonNode risk = readTree(incident.riskAssessment());
        return result(incident, facts, regulation.plan(request(incident, facts, risk, clock.getZone())));
    }

    /**
     * The plan from what the report says, before anyone has investigated: the reporter's estimate per jurisdiction
     * (or the list, if one was uploaded), the data categories, and the worst case for every fact not known yet
     * (the company a covered entity, nothing encrypted, no exception, a risk that is not low, a GDPR breach of high
     * risk wherever EU or UK residents are counted). No jurisdiction known: no plan yet.
     */
    PlanResult provisionalPlanFor(long incidentId) {
        var incident = incidents.require(incidentId);
        var counts = counts(incident, incident.affectedEstimate(), 0);
        if (counts.byJurisdiction().isEmpty()) {
            return new PlanResult(false, "none", List.of(),
                    List.of("no provisional plan: the report names no jurisdiction of the people affected"));
        }
        ZoneId zone = clock.getZone();
        OffsetDateTime discovered = incident.discoveredAt().atZone(zone).toOffsetDateTime();
        boolean eu = counts.byJurisdiction().keySet().stream().anyMatch(code -> code.startsWith("EU-"));
        boolean uk = counts.byJurisdiction().containsKey("UK");
        // One regime per request: the EU's where EU residents are counted, else the UK's.
        PlanRequest.Gdpr gdpr = eu || uk
                ? new PlanRequest.Gdpr(eu ? PlanRequest.Gdpr.GdprRegime.GDPR : PlanRequest.Gdpr.GdprRegime.UK_GDPR,
                        PlanRequest.Gdpr.GdprRole.CONTROLLER, discovered, PlanRequest.Gdpr.RiskLevel.HIGH, null, null, null)
                : null;
        var request = new PlanRequest(discovered, null, zone.getId(), PlanCodes.role(provisionalRole),
                counts.byJurisdiction(), incident.dataCategories(), counts.unreachable(), null, false, false,
                "none".equals(provisionalRole) ? null : PlanRequest.RiskAssessmentConclusion.NOT_LOW_PROBABILITY,
                null, null, null, gdpr, List.of(), sentNotices(incident, zone));
        return result(incident, null, regulation.plan(request));
    }

    private PlanResult result(Incident incident, InvestigationFacts facts, NotificationPlan plan) {
        Instant now = clock.instant();
        List<PlannedDuty> duties = new ArrayList<>();
        for (NotificationPlan.Notification duty : plan.notifications()) {
            Instant deadline = instant(duty.deadline());
            String rule = duty.deadlineRule();
            duties.add(new PlannedDuty(duty.ruleId(), duty.recipient(), duty.jurisdiction(), duty.regime(), duty.basis(),
                    duty.confidence(), rule, deadline, deadline != null ? deadline : now.plus(undueDelayTarget),
                    "fixed_hours".equals(rule), instant(duty.holdUntil()), instant(duty.alternativeDeadline()),
                    duty.ambiguity(), duty.computation()));
        }
        boolean required = plan.breachNotificationsRequired() && !duties.isEmpty();
        if (required) {
            duties.addAll(contracts.dutiesFor(incident, facts));
        }
        List<String> notRequired = new ArrayList<>();
        plan.notRequired().forEach(duty -> notRequired.add(duty.recipient() + " (" + duty.jurisdiction() + "): " + duty.reason()));
        return new PlanResult(required, plan.catalogVersion() == null ? "unknown" : plan.catalogVersion(), duties, notRequired);
    }

    /** The plan request (PLAN-API.md) for the incident's investigated facts and risk assessment. */
    PlanRequest request(Incident incident, InvestigationFacts facts, JsonNode risk, ZoneId zone) {
        OffsetDateTime discovered = incident.discoveredAt().atZone(zone).toOffsetDateTime();
        var counts = counts(incident, facts.affectedCounts(), facts.contactInfoOutOfDateCount());
        var le = facts.lawEnforcement();
        PlanRequest.LawEnforcementDelay delay = le == null ? null : new PlanRequest.LawEnforcementDelay(
                PlanCodes.lawEnforcementForm(le.form()), le.statementAt(), le.requestedDurationDays(),
                le.writtenFollowupReceivedAt() == null && le.delayUntilDate() == null ? null : new PlanRequest.WrittenFollowup(
                        le.writtenFollowupReceivedAt() != null ? le.writtenFollowupReceivedAt() : le.statementAt(), le.delayUntilDate()));
        boolean hipaa = !"none".equals(facts.role());
        String exception = risk.path("hipaaException").asText("none");
        var ba = facts.businessAssociate();
        var gdpr = facts.gdpr();
        return new PlanRequest(
                discovered,
                facts.firstKnownToWorkforceAt(),
                zone.getId(),
                PlanCodes.role(facts.role()),
                counts.byJurisdiction(),
                facts.dataElements(),
                counts.unreachable(),
                delay,
                facts.encryptedNistSafeHarbor(),
                facts.encryptionKeyCompromised(),
                hipaa ? PlanCodes.conclusion(risk.path("conclusion").asText(null)) : null,
                hipaa && !"none".equals(exception) ? exception : null,
                facts.determinationAt(),
                ba == null ? null : new PlanRequest.BusinessAssociateDiscovery(ba.discoveredAt(), ba.notifiedCoveredEntityAt(),
                        ba.agentOfCoveredEntity()),
                gdpr == null ? null : new PlanRequest.Gdpr(PlanCodes.gdprRegime(gdpr.regime()), PlanCodes.gdprRole(gdpr.role()),
                        gdpr.awarenessAt() != null ? gdpr.awarenessAt() : discovered, PlanCodes.riskLevel(gdpr.riskLevel()),
                        blankToNull(gdpr.mainEstablishment()), blankToNull(gdpr.euRepresentative()), null),
                facts.entityFlags() == null ? null : facts.entityFlags().stream().map(PlanCodes::entityFlag).toList(),
                sentNotices(incident, zone),
                facts.accessWithoutAcquisition(),
                // A determination matters only where residents are affected; the plan refuses other codes.
                facts.stateNoHarmDeterminations().stream().filter(counts.byJurisdiction()::containsKey).toList());
    }

    /**
     * Who is affected where. A complete list counts the people exactly; a partial one never lowers a count below the
     * estimate (50 names uploaded of 600 affected must not drop the attorney general, the media or HHS).
     */
    private Counts counts(Incident incident, Map<String, Integer> estimate, int estimatedUnreachable) {
        var listed = documents.affectedCounts(NoticeDocuments.listOf(incident.id()));
        Map<String, Integer> safeEstimate = estimate == null ? Map.of() : estimate;
        if (listed.total() == 0) {
            return new Counts(new TreeMap<>(safeEstimate), estimatedUnreachable);
        }
        if (incident.affectedListComplete()) {
            return new Counts(new TreeMap<>(listed.byJurisdiction()), listed.unreachable());
        }
        Map<String, Integer> merged = new TreeMap<>(safeEstimate);
        listed.byJurisdiction().forEach((code, count) -> merged.merge(code, count, Math::max));
        return new Counts(merged, Math.max(listed.unreachable(), estimatedUnreachable));
    }

    private record Counts(Map<String, Integer> byJurisdiction, int unreachable) {}

    private List<PlanRequest.SentNotice> sentNotices(Incident incident, ZoneId zone) {
        return obligations.findByIncidentIdOrderByTargetDeadline(incident.id()).stream()
                .filter(Obligation::isSent)
                // Contractual notices are Vigil's own duties, not the regulation's: its API knows no CONTRACT jurisdiction.
                .filter(obligation -> !obligation.recipient().startsWith("counterparty:"))
                .map(obligation -> new PlanRequest.SentNotice(obligation.recipient(), obligation.jurisdiction(),
                        corrections.sentAt(obligation).atZone(zone).toOffsetDateTime()))
                .toList();
    }

    private JsonNode readTree(String text) {
        if (text == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored incident facts are not valid JSON", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
