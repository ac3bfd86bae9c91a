package org.vigil.breach;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ObligationRepository extends JpaRepository<Obligation, Long> {

    List<Obligation> findByIncidentIdOrderByTargetDeadline(long incidentId);

    Optional<Obligation> findByIncidentIdAndRecipientAndJurisdiction(long incidentId, String recipient, String jurisdiction);
}
