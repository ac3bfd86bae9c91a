package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_CloseIncident: closed, with its retention date six years on. Safe to re-run. */
@Component
class CloseIncidentDelegate implements JavaDelegate {

    private final Incidents incidents;
    private final Clock clock;

    CloseIncidentDelegate(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.close(INCIDENT_ID.from(execution), clock.getZone());
    }
}
