package org.vigil.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An incident as the API shows it to someone allowed to see it, with its record of events (closures, reopenings) and
 * its obligations, each with the dispatch as first recorded and every correction of it. {@code exercise}: a
 * breach-response exercise, not a real incident.
 */
public record IncidentView(long id, String externalReference, String title, String description, Instant occurredAt,
        Instant discoveredAt, Instant containedAt, String discoveredBy, List<String> systemsInvolved, List<String> dataCategories,
        Map<String, Integer> affectedEstimate, String reportedBy, String status, String category, String severity,
        Instant createdAt, Instant closedAt, LocalDate retainUntil, List<EventView> events,
        List<ObligationView> obligations, boolean exercise) {

    /** {@code sentAt}, {@code channel} and {@code proof} are the dispatch as recorded; {@code corrections} follow it, oldest first. */
    public record ObligationView(long id, String ruleId, String recipient, String jurisdiction, String regime, String basis,
            String confidence, String deadlineRule, Instant deadline, Instant targetDeadline, Instant holdUntil,
            Instant alternativeDeadline, String ambiguity, String computation, String status, Instant sentAt,
            String channel, String proof, boolean provisional, boolean withdrawalProposed, String withdrawalReason,
            String withdrawnBy, String keptBy, List<CorrectionView> corrections) {

        ObligationView withCorrections(List<CorrectionView> corrections) {
            return new ObligationView(id, ruleId, recipient, jurisdiction, regime, basis, confidence, deadlineRule, deadline,
                    targetDeadline, holdUntil, alternativeDeadline, ambiguity, computation, status, sentAt, channel, proof,
                    provisional, withdrawalProposed, withdrawalReason, withdrawnBy, keptBy, corrections);
        }
    }

    /** A closure or reopening of the incident: who, when, and (for a reopening) why. */
    public record EventView(String kind, String actor, Instant at, String reason) {}

    /** A correction of an obligation's dispatch: who, when, why, and the dispatch as it stands after it. */
    public record CorrectionView(long id, String correctedBy, Instant correctedAt, String reason, Instant sentAt, String channel,
            String proof) {}
}
