package org.vigil.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An incident as the API shows it to someone allowed to see it. */
public record IncidentView(long id, String externalReference, String title, String description, Instant occurredAt,
        Instant discoveredAt, Instant containedAt, String discoveredBy, List<String> systemsInvolved, List<String> dataCategories,
        Map<String, Integer> affectedEstimate, String reportedBy, String status, String category, String severity,
        Instant createdAt, Instant closedAt, LocalDate retainUntil, List<ObligationView> obligations) {

    public record ObligationView(long id, String ruleId, String recipient, String jurisdiction, String regime, String basis,
            String confidence, String deadlineRule, Instant deadline, Instant targetDeadline, Instant holdUntil,
            Instant alternativeDeadline, String ambiguity, String computation, String status, Instant sentAt,
            String channel, String proof) {}
}
