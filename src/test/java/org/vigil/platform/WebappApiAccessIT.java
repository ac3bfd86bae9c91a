package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** What a user may not do is refused with 403, whichever guard would also refuse it, and whichever webapp they came from. */
@VigilSpringTest
class WebappApiAccessIT {

    static final String COCKPIT_STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @Test
    void staffTouchingTheAdministratorsGroupGets403LikeForAnythingElseItMayNotDo() {
        var staff = new WebClient(port).as("staff", "demo");

        assertThat(staff.delete("/engine-rest/group/camunda-admin/members/admin").statusCode()).isEqualTo(403);
        assertThat(staff.delete("/engine-rest/user/admin").statusCode()).isEqualTo(403);
        assertThat(staff.delete("/engine-rest/group/camunda-admin").statusCode()).isEqualTo(403);
        assertThat(staff.delete("/engine-rest/group/managers").statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
    }

    @Test
    void aStaffTasklistSessionCannotCallCockpitsApi() {
        var staff = new WebClient(port);
        assertThat(staff.webappLogin("tasklist", "staff", "demo").statusCode()).isEqualTo(200);

        assertThat(staff.get(COCKPIT_STATISTICS).statusCode()).isEqualTo(403);
        assertThat(staff.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count").statusCode()).isEqualTo(403);
        assertThat(staff.get("/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated").statusCode()).isEqualTo(403);
    }

    @Test
    void aManagerWithCockpitAccessStillCallsIt() {
        var manager = new WebClient(port);
        assertThat(manager.webappLogin("tasklist", "manager", "demo").statusCode()).isEqualTo(200);

        assertThat(manager.get(COCKPIT_STATISTICS).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutASessionCockpitsApiStaysClosed() {
        assertThat(new WebClient(port).get(COCKPIT_STATISTICS).statusCode()).isEqualTo(401);
    }
}
