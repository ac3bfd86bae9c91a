package org.vigil.breach;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.breach.ContractualDuties.Agreement;
import org.vigil.breach.events.AgreementChanged;
import org.vigil.platform.NamedDatabaseLock;
import org.vigil.platform.Sha256;

/**
 * At start: each agreement of the register fingerprinted (SHA-256 of its entry) and compared with the fingerprint kept
 * from earlier starts (V031 breach_agreement_fingerprint); one added or changed is announced once, whichever node finds
 * it first. The very first start only records the register (V031 breach_agreement_baseline): nothing has changed yet;
 * an agreement added later is announced even when the register was empty then.
 */
@Component
class AgreementFingerprints implements ApplicationRunner {

    static final String LOCK = "vigil.breach.agreement-fingerprints";

    private final ContractualDuties duties;
    private final NamedDatabaseLock lock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgreementFingerprints(ContractualDuties duties, NamedDatabaseLock lock, JdbcClient jdbc, TransactionTemplate transaction,
            ApplicationEventPublisher events, Clock clock) {
        this.duties = duties;
        this.lock = lock;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        compareOnce(duties.agreements());
    }

    /**
     * Compares {@code agreements} with what earlier starts recorded, in a transaction committed while a named lock is
     * held on a connection of its own: a node starting beside this one waits and then finds what this one recorded (a
     * lock released before the commit would let it announce the same change again). Returns how many were announced.
     */
    int compareOnce(List<Agreement> agreements) throws SQLException {
        return lock.holding(LOCK, "agreement fingerprint", () -> transaction.execute(status -> compare(agreements)));
    }

    /** Under the lock, in the caller's transaction: records the fingerprints, announces the added and changed agreements. */
    private int compare(List<Agreement> agreements) {
        Instant now = clock.instant();
        // The first start takes the baseline: whatever the register holds then has not changed.
        boolean baseline = jdbc.sql("INSERT IGNORE INTO breach_agreement_baseline (id, taken_at) VALUES (1, ?)")
                .param(Timestamp.from(now)).update() == 1;
        Map<String, String> seen = jdbc.sql("SELECT agreement_id, fingerprint FROM breach_agreement_fingerprint")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int announced = 0;
        for (var agreement : agreements) {
            String fingerprint = Sha256.hex(agreement.toString());
            String previous = seen.get(agreement.id());
            if (fingerprint.equals(previous)) {
                continue;
            }
            if (previous == null) {
                jdbc.sql("INSERT INTO breach_agreement_fingerprint (agreement_id, fingerprint, seen_at) VALUES (?, ?, ?)")
                        .params(agreement.id(), fingerprint, Timestamp.from(now)).update();
            } else {
                jdbc.sql("UPDATE breach_agreement_fingerprint SET fingerprint = ?, seen_at = ? WHERE agreement_id = ?")
                        .params(fingerprint, Timestamp.from(now), agreement.id()).update();
            }
            if (!baseline) {
                events.publishEvent(new AgreementChanged(agreement.id(), fingerprint, previous, now));
                announced++;
            }
        }
        return announced;
    }
}
