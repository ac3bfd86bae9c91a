package org.vigil.breach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the investigation established: the facts the notification plan is computed from. No patient data. */
record InvestigationFacts(
        Map<String, Integer> affectedCounts,
        List<String> dataElements,
        int contactInfoOutOfDateCount,
        boolean encryptedNistSafeHarbor,
        boolean encryptionKeyCompromised,
        OffsetDateTime firstKnownToWorkforceAt,
        OffsetDateTime determinationAt,
        String role,
        LawEnforcement lawEnforcement,
        BusinessAssociate businessAssociate,
        Gdpr gdpr,
        List<String> entityFlags) {

    record LawEnforcement(String form, OffsetDateTime statementAt, Integer requestedDurationDays,
            OffsetDateTime writtenFollowupReceivedAt, LocalDate delayUntilDate) {}

    record BusinessAssociate(OffsetDateTime discoveredAt, OffsetDateTime notifiedCoveredEntityAt, boolean agentOfCoveredEntity) {}

    record Gdpr(String regime, String role, OffsetDateTime awarenessAt, String riskLevel, String mainEstablishment,
            String euRepresentative) {}
}
