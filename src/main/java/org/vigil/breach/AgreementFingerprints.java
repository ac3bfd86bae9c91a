package org.vigil.breach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.breach.events.AgreementChanged;
import org.vigil.platform.Sha256;

/**
 * At start: each agreement of the register fingerprinted (SHA-256 of its entry) and compared with the fingerprint kept
 * from earlier starts (V031 breach_agreement_fingerprint); one added or changed is announced once, whichever node finds
 * it first (a row lock decides). The very first start only records the register: nothing has changed yet.
 */
@Component
class AgreementFingerprints implements ApplicationRunner {

    private final ContractualDuties duties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgreementFingerprints(ContractualDuties duties, JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
        this.duties = duties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> compare());
    }

    /** @return how many agreements were announced as added or changed */
    int compare() {
        // The lock makes two nodes starting together take turns: the second finds what the first recorded.
        jdbc.sql("SELECT GET_LOCK('vigil.breach.agreement-fingerprints', 60)").query(Integer.class).single();
        try {
            Map<String, String> seen = jdbc.sql("SELECT agreement_id, fingerprint FROM breach_agreement_fingerprint")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            boolean baseline = seen.isEmpty();
            Instant now = clock.instant();
            int announced = 0;
            for (var agreement : duties.agreements()) {
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
        } finally {
            jdbc.sql("SELECT RELEASE_LOCK('vigil.breach.agreement-fingerprints')").query(Integer.class).optional();
        }
    }
}
