package org.vigil.breach;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    // A query string: Hibernate caches its translation, while a derived query is translated on every intake.
    @Query("select i from Incident i where i.externalReference = :externalReference")
    Optional<Incident> findByExternalReference(String externalReference);

    List<Incident> findByReportedByOrderByIdDesc(String reportedBy);
}
