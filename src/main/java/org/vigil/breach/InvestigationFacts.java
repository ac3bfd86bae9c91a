package org.vigil.breach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the investigation established: the facts the notification plan is computed from. No patient data.
 * {@code counterparties}: whose data is involved, by their ids in the agreements register (seeds/breach/agreements.yaml).
 * {@code accessWithoutAcquisition} and {@code stateNoHarmDeterminations} (US codes) feed the states' own definitions.
 */
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
        List<String> entityFlags,
        List<String> counterparties,
        boolean accessWithoutAcquisition,
        List<String> stateNoHarmDeterminations) {

    InvestigationFacts {
        // Facts stored before counterparties (or the states' no-harm determinations) were asked for name none.
        counterparties = counterparties == null ? List.of() : List.copyOf(counterparties);
        stateNoHarmDeterminations = stateNoHarmDeterminations == null ? List.of() : List.copyOf(stateNoHarmDeterminations);
    }

    record LawEnforcement(String form, OffsetDateTime statementAt, Integer requestedDurationDays,
            OffsetDateTime writtenFollowupReceivedAt, LocalDate delayUntilDate) {}

    record BusinessAssociate(OffsetDateTime discoveredAt, OffsetDateTime notifiedCoveredEntityAt, boolean agentOfCoveredEntity) {}

    record Gdpr(String regime, String role, OffsetDateTime awarenessAt, String riskLevel, String mainEstablishment,
            String euRepresentative) {}
}
