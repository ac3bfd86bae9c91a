package org.vigil.breach;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    Optional<Incident> findByExternalReference(String externalReference);

    List<Incident> findByReportedByOrderByIdDesc(String reportedBy);
}
