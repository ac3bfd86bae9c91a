package org.vigil.breach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links in e-mails: to the instance in Cockpit and to the incident in the API. */
@Component
class BreachLinks {

    private final String baseUrl;

    BreachLinks(@Value("${vigil.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String cockpit(String processInstanceId) {
        return baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
    }

    String incident(long incidentId) {
        return baseUrl + "/api/incidents/" + incidentId;
    }

    String tasklist() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }
}
