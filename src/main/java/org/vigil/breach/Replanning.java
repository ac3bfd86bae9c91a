package org.vigil.breach;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan computed again from the incident's current facts (an uploaded list of the affected, a corrected count):
 * a new duty gets its obligation and process, a moved deadline moves its timers, a settled notice stays as it was.
 */
@Component
class Replanning {

    record Replanned(String catalogVersion, List<Long> startedObligations, int obligations) {}

    private final NotificationPlanning planning;
    private final Obligations obligations;
    private final ObligationRepository rows;
    private final BreachResponseProcess process;

    Replanning(NotificationPlanning planning, Obligations obligations, ObligationRepository rows, BreachResponseProcess process) {
        this.planning = planning;
        this.obligations = obligations;
        this.rows = rows;
        this.process = process;
    }

    @Transactional
    Replanned replan(long incidentId) {
        if (rows.findByIncidentIdOrderByTargetDeadline(incidentId).isEmpty()) {
            throw new IllegalStateException("Incident " + incidentId + " has no notification plan yet: it is made after the risk assessment");
        }
        PlanResult plan = planning.planFor(incidentId);
        List<Long> started = process.asVigil(() -> obligations.apply(incidentId, plan));
        return new Replanned(plan.catalogVersion(), started, rows.findByIncidentIdOrderByTargetDeadline(incidentId).size());
    }
}
