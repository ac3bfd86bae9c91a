package org.vigil.breach;

import org.vigil.breach.events.NoticeDispatched;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.breach.IncidentView.CorrectionView;
import org.vigil.platform.FieldEncryption;
import org.vigil.platform.StateConflict;

/**
 * Corrections of a recorded dispatch (V014__dispatch_correction.sql). The dispatch as first recorded stays on the
 * obligation as it was; a correction is appended with who, when and why, and holds the dispatch as it stands after it,
 * so the last correction is the dispatch as now known and every earlier state stays readable (164.414(b): the burden
 * of proof is ours, and a proof that was silently rewritten proves nothing).
 */
@Component
class DispatchCorrections {

    /** What a correction changes; what it leaves out stays as it stood. */
    record Correction(String reason, OffsetDateTime sentAt, String channel, String proof) {}

    private static final String COLUMNS = "id, corrected_by, corrected_at, reason, sent_at, channel, proof";

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final ObligationRepository obligations;
    private final IncidentRepository incidents;
    private final ApplicationEventPublisher events;
    private final ResponseMilestones milestones;
    private final Clock clock;

    DispatchCorrections(JdbcTemplate jdbc, FieldEncryption encryption, ObligationRepository obligations, IncidentRepository incidents,
            ApplicationEventPublisher events, ResponseMilestones milestones, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.obligations = obligations;
        this.incidents = incidents;
        this.events = events;
        this.milestones = milestones;
        this.clock = clock;
    }

    static String alreadyRecorded(Long obligationId) {
        return "The dispatch of obligation " + obligationId + " was already recorded: a recorded dispatch is never rewritten;"
                + " correct it with POST /api/obligations/" + obligationId + "/dispatch-corrections (what changed and why)";
    }

    /**
     * Appends a correction; refused for an obligation not sent (nothing to correct) and for a closed incident. The
     * same checks as the first record: the channel of the form's list, a time not in the future nor under a hold.
     */
    @Transactional
    CorrectionView correct(long obligationId, Correction correction, String correctedBy) {
        var obligation = obligations.findById(obligationId).orElseThrow(() -> new java.util.NoSuchElementException("No such obligation"));
        incidents.findById(obligation.incidentId()).ifPresent(Incident::requireOpen);
        if (!obligation.isSent()) {
            throw new StateConflict("No dispatch recorded", "Obligation " + obligationId + " is " + obligation.status()
                    + ": there is no dispatch to correct; record it in the task \"Record the dispatch\"", Map.of("obligationId", obligationId));
        }
        if (correction.reason() == null || correction.reason().isBlank()) {
            throw new InvalidFactException("reason", "Field reason is required: say why the recorded dispatch is corrected");
        }
        if (correction.sentAt() == null && correction.channel() == null && correction.proof() == null) {
            throw new InvalidFactException("sentAt", "Name what is corrected: sentAt, channel or proof");
        }
        Instant now = clock.instant();
        var current = current(obligation);
        Instant sentAt = correction.sentAt() != null ? correction.sentAt().toInstant() : current.sentAt();
        FactChecks.notInFuture(sentAt, now, "sentAt");
        if (obligation.holdUntil() != null && sentAt.isBefore(obligation.holdUntil())) {
            throw FactChecks.invalid("sentAt", "may not lie before the law-enforcement hold ends at " + obligation.holdUntil());
        }
        String channel = correction.channel() != null ? FactChecks.channel(correction.channel(), "channel") : current.channel();
        String proof = correction.proof() != null ? correction.proof() : current.proof();

        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into dispatch_correction (obligation_id, corrected_by, corrected_at, reason,"
                    + " sent_at, channel, proof) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, obligationId);
            insert.setString(2, correctedBy);
            insert.setObject(3, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(4, encryption.encrypt(correction.reason().strip()));
            insert.setObject(5, LocalDateTime.ofInstant(sentAt, ZoneOffset.UTC));
            insert.setString(6, channel);
            insert.setString(7, proof);
            return insert;
        }, keys);
        if (!sentAt.equals(current.sentAt())) {
            // On time or late follows the corrected time; so do the SLA figures, which hear the dispatch again.
            obligation.dispatchCorrected(sentAt);
            // An exercise's dispatch counts in no real figure.
            if (!incidents.findById(obligation.incidentId()).map(Incident::exercise).orElse(false)) {
                events.publishEvent(new NoticeDispatched(obligation.id(), obligation.incidentId(), obligation.ruleId(), obligation.recipient(),
                        obligation.targetDeadline(), sentAt, obligation.status() == ObligationStatus.SENT_LATE));
            }
            if (ResponseMilestones.isIndividual(obligation)) {
                milestones.individualNoticesChanged(obligation.incidentId());
            }
        }
        return new CorrectionView(keys.getKey().longValue(), correctedBy, now, correction.reason().strip(), sentAt, channel, proof);
    }

    /** Every correction of the obligation's dispatch, oldest first. */
    @Transactional(readOnly = true)
    List<CorrectionView> of(long obligationId) {
        return jdbc.query("select " + COLUMNS + " from dispatch_correction where obligation_id = ? order by id", view(), obligationId);
    }

    @Transactional(readOnly = true)
    Optional<CorrectionView> one(long obligationId, long correctionId) {
        return jdbc.query("select " + COLUMNS + " from dispatch_correction where obligation_id = ? and id = ?", view(), obligationId,
                correctionId).stream().findFirst();
    }

    /** When the notice went out as now known: the last correction's time, else the time first recorded. */
    Instant sentAt(Obligation obligation) {
        return current(obligation).sentAt();
    }

    private CorrectionView current(Obligation obligation) {
        var corrections = of(obligation.id());
        return corrections.isEmpty()
                ? new CorrectionView(0, null, null, null, obligation.sentAt(), obligation.channel(), obligation.proof())
                : corrections.get(corrections.size() - 1);
    }

    private RowMapper<CorrectionView> view() {
        return (row, n) -> new CorrectionView(row.getLong("id"), row.getString("corrected_by"),
                row.getObject("corrected_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), encryption.decrypt(row.getString("reason")),
                row.getObject("sent_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getString("channel"), row.getString("proof"));
    }
}
