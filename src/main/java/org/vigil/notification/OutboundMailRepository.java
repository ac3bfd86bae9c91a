package org.vigil.notification;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    boolean existsByEventKey(String eventKey);

    Optional<OutboundMail> findByEventKey(String eventKey);

    /** Locks the row so that two nodes resubmitting the same mail send it once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboundMail m where m.id = :id")
    Optional<OutboundMail> lockById(long id);
}
