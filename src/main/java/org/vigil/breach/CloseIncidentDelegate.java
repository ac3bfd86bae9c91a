package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_CloseIncident: closed, with its retention date six years on; an exercise reported. Safe to re-run. */
@Component
class CloseIncidentDelegate implements JavaDelegate {

    private final Incidents incidents;
    private final Clock clock;
    private final Exercises exercises;

    CloseIncidentDelegate(Incidents incidents, Clock clock, Exercises exercises) {
        this.exercises = exercises;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = INCIDENT_ID.from(execution);
        incidents.close(incidentId, clock.getZone());
        // An exercise ends with its incident's closure: its report is final and announced (nothing for a real incident).
        exercises.finish(incidentId, org.vigil.platform.Actors.VIGIL, false);
    }
}
