package org.vigil.breach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigil.documents.Documents;

/**
 * Turns an incident's facts into a notification-plan request (the contract of shared/regulatory/PLAN-API.md),
 * asks the regulation capability, and adds the contractual duties of the agreements register. Duties without a
 * fixed legal deadline ("without undue delay") get an internal target so they are chased all the same.
 */
@Component
class NotificationPlanning {

    private final Incidents incidents;
    private final ObligationRepository obligations;
    private final RegulationPlans regulation;
    private final ContractualDuties contracts;
    private final Clock clock;
    private final Duration undueDelayTarget;
    private final Documents documents;
    private final String provisionalRole;
    /** A corrected dispatch time counts where a deadline runs from another notice. */
    private final DispatchCorrections corrections;

    NotificationPlanning(Incidents incidents, ObligationRepository obligations, RegulationPlans regulation,
            ContractualDuties contracts, Clock clock,
            @Value("${vigil.breach.undue-delay-target:P3D}") Duration undueDelayTarget, Documents documents,
            @Value("${vigil.breach.provisional-role:covered_entity}") String provisionalRole, DispatchCorrections corrections) {
        this.provisionalRole = provisionalRole;
        this.documents = documents;
        this.corrections = corrections;
        this.incidents = incidents;
        this.obligations = obligations;
        this.regulation = regulation;
        this.contracts = contracts;
        this.clock = clock;
        this.undueDelayTarget = undueDelayTarget;
    }

    /** Whether the four-factor assessment is done: from then on the plan is the assessment's, not the provisional one. */
    boolean assessed(long incidentId) {
        return incidents.require(incidentId).riskAssessment() != null;
    }

    PlanResult planFor(long incidentId) {
        var incident = incidents.require(incidentId);
        var facts = InvestigationTaskListener.json.convertValue(
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
        var json = InvestigationTaskListener.json;
        ZoneId zone = clock.getZone();
        OffsetDateTime discovered = incident.discoveredAt().atZone(zone).toOffsetDateTime();
        ObjectNode request = json.createObjectNode();
        request.put("discoveredAt", discovered.toString());
        request.put("entityTimezone", zone.getId());
        request.put("role", provisionalRole);
        request.set("affectedCounts", json.valueToTree(counts.byJurisdiction()));
        request.set("dataElements", json.valueToTree(incident.dataCategories()));
        request.put("contactInfoOutOfDateCount", counts.unreachable());
        request.putNull("lawEnforcementDelay");
        request.put("encryptedNistSafeHarbor", false);
        request.put("encryptionKeyCompromised", false);
        request.put("riskAssessmentConclusion", "none".equals(provisionalRole) ? null : "not_low_probability");
        request.putNull("hipaaBreachException");
        request.putNull("stateDeterminationAt");
        request.putNull("businessAssociate");
        boolean eu = counts.byJurisdiction().keySet().stream().anyMatch(code -> code.startsWith("EU-"));
        boolean uk = counts.byJurisdiction().containsKey("UK");
        if (eu || uk) {
            ObjectNode gdpr = request.putObject("gdpr");
            // One regime per request: the EU's where EU residents are counted, else the UK's.
            gdpr.put("regime", eu ? "GDPR" : "UK GDPR");
            gdpr.put("role", "controller");
            gdpr.put("awarenessAt", discovered.toString());
            gdpr.put("riskLevel", "high");
            gdpr.putNull("mainEstablishment");
            gdpr.putNull("euRepresentative");
        } else {
            request.putNull("gdpr");
        }
        request.putArray("entityFlags");
        request.set("sentNotices", sentNotices(incident, zone));
        return result(incident, null, regulation.plan(request));
    }

    private PlanResult result(Incident incident, InvestigationFacts facts, JsonNode plan) {
        Instant now = clock.instant();
        List<PlannedDuty> duties = new ArrayList<>();
        for (JsonNode duty : plan.path("notifications")) {
            Instant deadline = instant(duty.get("deadline"));
            String rule = duty.path("deadlineRule").asText();
            duties.add(new PlannedDuty(duty.path("ruleId").asText(), duty.path("recipient").asText(), duty.path("jurisdiction").asText(),
                    duty.path("regime").asText(), duty.path("basis").asText(), duty.path("confidence").asText(), rule,
                    deadline, deadline != null ? deadline : now.plus(undueDelayTarget), "fixed_hours".equals(rule),
                    instant(duty.get("holdUntil")), instant(duty.get("alternativeDeadline")), text(duty.get("ambiguity")),
                    duty.path("computation").asText()));
        }
        boolean required = plan.path("breachNotificationsRequired").asBoolean(false) && !duties.isEmpty();
        if (required) {
            duties.addAll(contracts.dutiesFor(incident, facts));
        }
        List<String> notRequired = new ArrayList<>();
        plan.path("notRequired").forEach(duty -> notRequired.add(duty.path("recipient").asText() + " ("
                + duty.path("jurisdiction").asText() + "): " + duty.path("reason").asText()));
        return new PlanResult(required, plan.path("catalogVersion").asText("unknown"), duties, notRequired);
    }

    ObjectNode request(Incident incident, InvestigationFacts facts, JsonNode risk, ZoneId zone) {
        var json = InvestigationTaskListener.json;
        ObjectNode request = json.createObjectNode();
        OffsetDateTime discovered = incident.discoveredAt().atZone(zone).toOffsetDateTime();
        request.put("discoveredAt", discovered.toString());
        request.put("firstKnownToWorkforceAt", string(facts.firstKnownToWorkforceAt()));
        request.put("entityTimezone", zone.getId());
        request.put("role", facts.role());
        var counts = counts(incident, facts.affectedCounts(), facts.contactInfoOutOfDateCount());
        request.set("affectedCounts", json.valueToTree(counts.byJurisdiction()));
        request.set("dataElements", json.valueToTree(facts.dataElements()));
        request.put("contactInfoOutOfDateCount", counts.unreachable());
        var le = facts.lawEnforcement();
        if (le == null) {
            request.putNull("lawEnforcementDelay");
        } else {
            ObjectNode delay = request.putObject("lawEnforcementDelay");
            delay.put("form", le.form());
            delay.put("statementAt", string(le.statementAt()));
            if (le.requestedDurationDays() == null) delay.putNull("requestedDurationDays"); else delay.put("requestedDurationDays", le.requestedDurationDays());
            if (le.writtenFollowupReceivedAt() == null && le.delayUntilDate() == null) {
                delay.putNull("writtenFollowup");
            } else {
                ObjectNode written = delay.putObject("writtenFollowup");
                written.put("receivedAt", string(le.writtenFollowupReceivedAt() != null ? le.writtenFollowupReceivedAt() : le.statementAt()));
                written.put("delayUntilDate", le.delayUntilDate() == null ? null : le.delayUntilDate().toString());
            }
        }
        request.put("encryptedNistSafeHarbor", facts.encryptedNistSafeHarbor());
        request.put("encryptionKeyCompromised", facts.encryptionKeyCompromised());
        boolean hipaa = !"none".equals(facts.role());
        request.put("riskAssessmentConclusion", hipaa ? risk.path("conclusion").asText(null) : null);
        String exception = risk.path("hipaaException").asText("none");
        request.put("hipaaBreachException", hipaa && !"none".equals(exception) ? exception : null);
        request.put("stateDeterminationAt", string(facts.determinationAt()));
        var ba = facts.businessAssociate();
        if (ba == null) {
            request.putNull("businessAssociate");
        } else {
            ObjectNode node = request.putObject("businessAssociate");
            node.put("discoveredAt", string(ba.discoveredAt()));
            node.put("notifiedCoveredEntityAt", string(ba.notifiedCoveredEntityAt()));
            node.put("agentOfCoveredEntity", ba.agentOfCoveredEntity());
        }
        var gdpr = facts.gdpr();
        if (gdpr == null) {
            request.putNull("gdpr");
        } else {
            ObjectNode node = request.putObject("gdpr");
            node.put("regime", gdpr.regime());
            node.put("role", gdpr.role());
            node.put("awarenessAt", string(gdpr.awarenessAt() != null ? gdpr.awarenessAt() : discovered));
            node.put("riskLevel", gdpr.riskLevel());
            node.put("mainEstablishment", blankToNull(gdpr.mainEstablishment()));
            node.put("euRepresentative", blankToNull(gdpr.euRepresentative()));
        }
        request.set("entityFlags", json.valueToTree(facts.entityFlags()));
        request.set("sentNotices", sentNotices(incident, zone));
        return request;
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

    private ArrayNode sentNotices(Incident incident, ZoneId zone) {
        ArrayNode sent = InvestigationTaskListener.json.createArrayNode();
        obligations.findByIncidentIdOrderByTargetDeadline(incident.id()).stream()
                .filter(Obligation::isSent)
                // Contractual notices are Vigil's own duties, not the regulation's: its API knows no CONTRACT jurisdiction.
                .filter(obligation -> !obligation.recipient().startsWith("counterparty:"))
                .forEach(obligation -> sent.addObject()
                        .put("recipient", obligation.recipient())
                        .put("jurisdiction", obligation.jurisdiction())
                        .put("sentAt", corrections.sentAt(obligation).atZone(zone).toOffsetDateTime().toString()));
        return sent;
    }

    private static JsonNode readTree(String json) {
        if (json == null) {
            return InvestigationTaskListener.json.createObjectNode();
        }
        try {
            return InvestigationTaskListener.json.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored incident facts are not valid JSON", e);
        }
    }

    private static String string(OffsetDateTime value) {
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : OffsetDateTime.parse(value.asText()).toInstant();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
