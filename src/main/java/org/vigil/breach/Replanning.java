package org.vigil.breach;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.breach.Obligations.PlanChange;
import org.vigil.breach.Obligations.PlanKind;

/**
 * The plan computed again from the incident's current facts (an uploaded list of the affected, a corrected count, a
 * notice sent): a new duty gets its obligation and process, a moved deadline moves its timers and tasks, a settled
 * notice stays as it was, and a duty the plan no longer finds waits for the privacy office to confirm its withdrawal.
 * Before the assessment the plan is the provisional one, made from the report.
 */
@Component
class Replanning {

    record Replanned(String catalogVersion, List<Long> startedObligations, int obligations, List<Long> proposedWithdrawals,
            boolean provisional) {}

    private final NotificationPlanning planning;
    private final Obligations obligations;
    private final ObligationRepository rows;
    private final BreachResponseProcess process;
    private final Incidents incidents;
    private final PlanChangeTaskListener question;
    private final ObjectMapper json;

    Replanning(NotificationPlanning planning, Obligations obligations, ObligationRepository rows, BreachResponseProcess process,
            Incidents incidents, PlanChangeTaskListener question, ObjectMapper json) {
        this.json = json;
        this.question = question;
        this.planning = planning;
        this.obligations = obligations;
        this.rows = rows;
        this.process = process;
        this.incidents = incidents;
    }

    /** New facts, then the plan again; refused before the investigation, which states the facts first. */
    @Transactional
    Replanned update(long incidentId, FactsUpdate update, String by) {
        var incident = incidents.require(incidentId);
        if (incident.facts() == null) {
            throw new IllegalStateException("Incident " + incidentId + " has not been investigated yet: its facts are stated in the investigation");
        }
        try {
            var facts = json.readValue(incident.facts(), InvestigationFacts.class);
            incidents.correctFacts(incidentId, update.applyTo(facts));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The stored facts of incident " + incidentId + " cannot be read", e);
        }
        return replan(incidentId, new PlanChange("facts updated (" + String.join(", ", update.namesGiven()) + ")", by));
    }

    @Transactional
    Replanned replan(long incidentId, PlanChange change) {
        if (rows.findByIncidentIdOrderByTargetDeadline(incidentId).isEmpty()) {
            throw new IllegalStateException("Incident " + incidentId + " has no notification plan yet: it is made after the risk assessment");
        }
        return plan(incidentId, change);
    }

    /**
     * A notice was sent: some deadlines run from another notice (HHS with the individual notices, an attorney general
     * after the residents), so the incident is planned again; what was sent stays as it was.
     */
    @Transactional
    Replanned afterSending(long obligationId, String by) {
        var sent = obligations.require(obligationId);
        return replan(sent.incidentId(), new PlanChange("the notice to " + sent.recipient() + " (" + sent.jurisdiction() + ") sent", by));
    }

    /** Plans again if a plan exists; a list uploaded before any plan waits for the first one. */
    @Transactional
    void replanIfPlanned(long incidentId, PlanChange change) {
        if (!rows.findByIncidentIdOrderByTargetDeadline(incidentId).isEmpty()) {
            plan(incidentId, change);
        }
    }

    private Replanned plan(long incidentId, PlanChange change) {
        incidents.requireOpen(incidentId);
        boolean provisional = !planning.assessed(incidentId);
        PlanResult plan = provisional ? planning.provisionalPlanFor(incidentId) : planning.planFor(incidentId);
        var applied = process.asVigil(() -> {
            var result = obligations.apply(incidentId, plan, provisional ? PlanKind.PROVISIONAL : PlanKind.CHANGE, change);
            if (!result.proposedWithdrawals().isEmpty()) {
                question.ask(incidentId);
            }
            return result;
        });
        return new Replanned(plan.catalogVersion(), applied.started(), rows.findByIncidentIdOrderByTargetDeadline(incidentId).size(),
                applied.proposedWithdrawals(), provisional);
    }
}
