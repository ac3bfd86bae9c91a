package org.vigil.breach;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ObligationRepository extends JpaRepository<Obligation, Long> {

    List<Obligation> findByIncidentIdOrderByTargetDeadline(long incidentId);

    Optional<Obligation> findByIncidentIdAndRuleIdAndJurisdiction(long incidentId, String ruleId, String jurisdiction);

    /** A row planned before obligations knew their rule (V011__obligation_rule.sql): adopted by the first duty of its recipient. */
    default Optional<Obligation> findLegacy(long incidentId, String recipient, String jurisdiction) {
        return findByIncidentIdAndRuleIdAndJurisdiction(incidentId, "legacy:" + recipient, jurisdiction);
    }
}
