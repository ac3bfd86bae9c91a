package org.vigil.breach;

import org.springframework.stereotype.Component;
import org.vigil.platform.SiteSettings;

/** Links in e-mails: to the instance in Cockpit and to the incident in the API. */
@Component
class BreachLinks {

    private final String baseUrl;

    BreachLinks(SiteSettings site) {
        this.baseUrl = site.base();
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
