package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.VigilSpringTest;

/**
 * Issue 15, point 6: a correction of the facts never moves an incident back in its lifecycle. The privacy officer
 * corrected the counts of a notifying incident on the notices page and saw it "investigated" again; whatever records
 * the facts or the assessment a second time, a notifying incident stays notifying, and a bad line changes nothing.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class IncidentStatusIT {

    static final ObjectMapper json = new ObjectMapper();

    @Autowired ObjectMapper springJson;
    @Autowired Incidents incidents;
    @Autowired IncidentRepository incidentRows;
    BreachThroughRest breach;

    @BeforeEach
    void demoUsers(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void aCorrectionOfTheFactsNeverMovesANotifyingIncidentBackwards() throws Exception {
        long incidentId = breach.planned("Counts corrected while notifying");
        assertThat(status(incidentId)).isEqualTo("NOTIFYING");
        String facts = "/api/incidents/" + incidentId + "/facts";

        // Counts as typed on the notices page: a bad line is refused by its number and nothing is stored.
        var refused = breach.privacy.postJson(facts, "{\"affectedCountsText\": \"US-TX: 45\\nTexas 3\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("detail").asText()).contains("line 2", "write it as US-TX: 300");
        assertThat(storedCount(incidentId)).isEqualTo(40);
        assertThat(status(incidentId)).isEqualTo("NOTIFYING");

        var corrected = breach.privacy.postJson(facts, "{\"affectedCountsText\": \"US-TX: 45\\n\\nUS-NY: 2\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(storedCount(incidentId)).isEqualTo(45);
        assertThat(status(incidentId)).isEqualTo("NOTIFYING");

        // The investigation's facts or the assessment recorded again (a replayed completion) leave it notifying too.
        var incident = incidentRows.findById(incidentId).orElseThrow();
        incidents.recordFacts(incidentId, springJson.readValue(incident.facts(), InvestigationFacts.class));
        incidents.recordRiskAssessment(incidentId, incident.riskAssessment());
        incidents.moveTo(incidentId, IncidentStatus.INVESTIGATED);
        assertThat(status(incidentId)).isEqualTo("NOTIFYING");
    }

    private String status(long incidentId) throws Exception {
        return breach.incident(incidentId).path("status").asText();
    }

    private int storedCount(long incidentId) throws Exception {
        return json.readTree(incidentRows.findById(incidentId).orElseThrow().facts()).path("affectedCounts").path("US-TX").asInt();
    }
}
