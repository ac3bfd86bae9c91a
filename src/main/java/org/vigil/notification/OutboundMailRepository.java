package org.vigil.notification;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    boolean existsByEventKey(String eventKey);

    Optional<OutboundMail> findByEventKey(String eventKey);

    /**
     * Up to {@code limit} mails whose next attempt has come, locked until the caller's transaction ends. Rows another
     * node holds are skipped, not waited for (MariaDB 10.6+): two nodes polling at once take different mails.
     */
    @Query(value = "SELECT * FROM outbound_mail WHERE next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit "
            + "FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<OutboundMail> lockDue(Instant now, int limit);

    /** The one mail, locked, if its next attempt has come and no other node holds it (the attempt right after commit). */
    @Query(value = "SELECT * FROM outbound_mail WHERE id = :id AND next_attempt_at <= :now FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<OutboundMail> lockIfDue(long id, Instant now);

    /** Waits for the row: recording an attempt's outcome after the sending transaction released it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboundMail m where m.id = :id")
    Optional<OutboundMail> lockById(long id);
}
