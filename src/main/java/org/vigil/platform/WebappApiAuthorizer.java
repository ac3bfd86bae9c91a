package org.vigil.platform;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.ApplicationRequestAuthorizer;
import org.camunda.bpm.webapp.impl.security.filter.Authorization;
import org.camunda.bpm.webapp.impl.security.filter.EngineRequestAuthorizer;
import org.camunda.bpm.webapp.impl.security.filter.RequestAuthorizer;

/**
 * A webapp's plugin API (Cockpit's statistics, Admin's metrics) for users granted that webapp only. Camunda's own
 * rules let any logged-in user call every webapp's API, so a staff Tasklist session could read Cockpit's figures.
 * Named in {@code META-INF/resources/webjars/camunda/vigil-security-filter-rules.json} (Camunda 7.24's
 * {@code securityFilterRules.json} with this authorizer on the three plugin APIs), hence public.
 */
public class WebappApiAuthorizer implements RequestAuthorizer {

    private final RequestAuthorizer loggedIn = new EngineRequestAuthorizer();
    private final RequestAuthorizer grantedTheWebapp = new ApplicationRequestAuthorizer();

    @Override
    public Authorization authorize(Map<String, String> parameters) {
        // Logged in first: the application check alone would let an anonymous caller through, as the pages need.
        Authorization authorization = loggedIn.authorize(parameters);
        return authorization.isGranted() ? grantedTheWebapp.authorize(parameters) : authorization;
    }
}
