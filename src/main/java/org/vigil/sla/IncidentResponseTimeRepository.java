package org.vigil.sla;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IncidentResponseTimeRepository extends JpaRepository<IncidentResponseTime, Long> {

    /** Reported: the incident is listed from now on, its times to contain and to notify still open. */
    @Modifying
    @Query(value = "insert into incident_response_time (incident_id, discovered_at) values (:incidentId, :discoveredAt) "
            + "on duplicate key update discovered_at = values(discovered_at)", nativeQuery = true)
    int recordReported(long incidentId, Instant discoveredAt);

    // Upserts: an event delivered twice (a retry, two nodes resubmitting) or in either order writes the same row.
    @Modifying
    @Query(value = "insert into incident_response_time (incident_id, discovered_at, contained_at) values (:incidentId, :discoveredAt, :containedAt) "
            + "on duplicate key update discovered_at = values(discovered_at), contained_at = values(contained_at)", nativeQuery = true)
    int recordContained(long incidentId, Instant discoveredAt, Instant containedAt);

    /** The later date wins: a notice added by a re-plan and sent later moves the incident's last individual notice on. */
    @Modifying
    @Query(value = "insert into incident_response_time (incident_id, discovered_at, individuals_notified_at) values (:incidentId, :discoveredAt, :notifiedAt) "
            + "on duplicate key update discovered_at = values(discovered_at), "
            + "individuals_notified_at = greatest(coalesce(individuals_notified_at, values(individuals_notified_at)), values(individuals_notified_at))",
            nativeQuery = true)
    int recordIndividualsNotified(long incidentId, Instant discoveredAt, Instant notifiedAt);

    /** Number of incidents contained since {@code since}, and their mean seconds from discovery to containment. */
    @Query(value = "select count(*), avg(timestampdiff(SECOND, discovered_at, contained_at)) from incident_response_time "
            + "where contained_at >= :since", nativeQuery = true)
    List<Object[]> containedSince(Instant since);

    /** Number of incidents whose individuals were all notified since {@code since}, and their mean seconds from discovery. */
    @Query(value = "select count(*), avg(timestampdiff(SECOND, discovered_at, individuals_notified_at)) from incident_response_time "
            + "where individuals_notified_at >= :since", nativeQuery = true)
    List<Object[]> individualsNotifiedSince(Instant since);

    @Query("select r from IncidentResponseTime r where r.discoveredAt >= :since or r.containedAt >= :since "
            + "or r.individualsNotifiedAt >= :since order by r.incidentId")
    List<IncidentResponseTime> recordedSince(Instant since);
}
