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

    NotificationPlanning(Incidents incidents, ObligationRepository obligations, RegulationPlans regulation,
            ContractualDuties contracts, Clock clock,
            @Value("${vigil.breach.undue-delay-target:P3D}") Duration undueDelayTarget, Documents documents) {
        this.documents = documents;
        this.incidents = incidents;
        this.obligations = obligations;
        this.regulation = regulation;
        this.contracts = contracts;
        this.clock = clock;
        this.undueDelayTarget = undueDelayTarget;
    }

    PlanResult planFor(long incidentId) {
        var incident = incidents.require(incidentId);
        var facts = InvestigationTaskListener.json.convertValue(
                readTree(incident.facts()), InvestigationFacts.class);
        JsonNode risk = readTree(incident.riskAssessment());
        JsonNode plan = regulation.plan(request(incident, facts, risk, clock.getZone()));

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
            duties.addAll(contracts.dutiesFor(incident.discoveredAt()));
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
        // An uploaded list of the affected people counts them exactly; the investigation's figures are estimates.
        var listed = documents.affectedCounts(NoticeDocuments.listOf(incident.id()));
        request.set("affectedCounts", json.valueToTree(listed.total() > 0 ? listed.byJurisdiction() : facts.affectedCounts()));
        request.set("dataElements", json.valueToTree(facts.dataElements()));
        request.put("contactInfoOutOfDateCount", listed.total() > 0 ? listed.unreachable() : facts.contactInfoOutOfDateCount());
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
        ArrayNode sent = request.putArray("sentNotices");
        obligations.findByIncidentIdOrderByTargetDeadline(incident.id()).stream()
                .filter(Obligation::isSent)
                // Contractual notices are Vigil's own duties, not the regulation's: its API knows no CONTRACT jurisdiction.
                .filter(obligation -> !obligation.recipient().startsWith("counterparty:"))
                .forEach(obligation -> sent.addObject()
                        .put("recipient", obligation.recipient())
                        .put("jurisdiction", obligation.jurisdiction())
                        .put("sentAt", obligation.sentAt().atZone(zone).toOffsetDateTime().toString()));
        return request;
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
