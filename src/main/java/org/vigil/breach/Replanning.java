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

    Replanning(NotificationPlanning planning, Obligations obligations, ObligationRepository rows, BreachResponseProcess process,
            Incidents incidents) {
        this.incidents = incidents;
        this.planning = planning;
        this.obligations = obligations;
        this.rows = rows;
        this.process = process;
    }

    private final Incidents incidents;

    /** New facts, then the plan again; refused before the investigation, which states the facts first. */
    @Transactional
    Replanned update(long incidentId, FactsUpdate update) {
        var incident = incidents.require(incidentId);
        if (incident.facts() == null) {
            throw new IllegalStateException("Incident " + incidentId + " has not been investigated yet: its facts are stated in the investigation");
        }
        try {
            var facts = InvestigationTaskListener.json.readValue(incident.facts(), InvestigationFacts.class);
            incidents.recordFacts(incidentId, InvestigationTaskListener.json.writeValueAsString(update.applyTo(facts)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The stored facts of incident " + incidentId + " cannot be read", e);
        }
        return replan(incidentId);
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
