package org.vigil.breach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.vigil.regulation.NotificationPlans;
import org.vigil.regulation.PlanRequest;

/**
 * The regulation capability, spoken to in the JSON of its published contract (PLAN-API.md), the same the
 * {@code POST /api/notification-plans} clients use: breach depends on that contract, not on its classes' shapes.
 */
@Component
class RegulationPlans {

    private final NotificationPlans plans;
    private final ObjectMapper json;

    RegulationPlans(NotificationPlans plans, ObjectMapper json) {
        this.plans = plans;
        this.json = json;
    }

    /** The discovery the law of catalog rule {@code ruleId} counts from, for the incident of {@code request}. */
    java.util.Optional<java.time.Instant> discoveryCountedBy(ObjectNode request, String ruleId) {
        try {
            return plans.discoveryCountedBy(json.treeToValue(request, PlanRequest.class), ruleId).map(java.time.OffsetDateTime::toInstant);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The plan request built from the incident does not fit the plan contract: "
                    + e.getOriginalMessage(), e);
        }
    }

    JsonNode plan(ObjectNode request) {
        try {
            return json.valueToTree(plans.plan(json.treeToValue(request, PlanRequest.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The plan request built from the incident does not fit the plan contract: "
                    + e.getOriginalMessage(), e);
        }
    }
}
