package org.vigil.breach;

import java.time.Instant;
import java.util.LinkedHashMap;
import org.vigil.platform.StateConflict;

/** A change to a closed incident: 409 on every way in, saying how it is reopened. */
class IncidentClosedException extends StateConflict {

    IncidentClosedException(long incidentId, Instant closedAt) {
        super("Incident closed", "Incident " + incidentId + " was closed" + (closedAt == null ? "" : " at " + closedAt)
                + ": it takes no more facts, lists of the affected, evidence or work on its notices. The privacy lead or the"
                + " CISO reopens it with POST " + reopenPath(incidentId) + " and a reason; it then goes back to the investigation.",
                properties(incidentId, closedAt));
    }

    static String reopenPath(long incidentId) {
        return "/api/incidents/" + incidentId + "/reopen";
    }

    private static java.util.Map<String, Object> properties(long incidentId, Instant closedAt) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("incidentId", incidentId);
        if (closedAt != null) {
            properties.put("closedAt", closedAt.toString());
        }
        properties.put("reopen", reopenPath(incidentId));
        return properties;
    }
}
