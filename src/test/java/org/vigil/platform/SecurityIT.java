package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

@VigilSpringTest
class SecurityIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;

    ProcessInstance staffFollowUp;
    ProcessInstance privacyFollowUp;

    @BeforeEach
    void oneFollowUpForStaffAndOneForThePrivacyOffice() {
        staffFollowUp = runtime.startProcessInstanceByKey("isms-follow-up",
                Map.of("topic", "evidence-request", "candidateGroup", "staff", "dueDate", "2030-03-01"));
        privacyFollowUp = runtime.startProcessInstanceByKey("isms-follow-up",
                Map.of("topic", "policy-review", "candidateGroup", "privacy-office", "dueDate", "2030-03-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/api/anything", "/actuator/prometheus"})
    void callsWithoutALoginGet401(String path) {
        assertThat(new WebClient(port).get(path).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordGets401() {
        // The CISO, whom no other test logs in as: after a failed attempt Camunda delays that user's next login.
        assertThat(new WebClient(port).as("ciso", "wrong").get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(new WebClient(port).as("nobody", "demo").get("/engine-rest/task").statusCode()).isEqualTo(401);
    }

    @Test
    void aDemoUserSeesOnlyItsGroupsTasksThroughTheRestApi() throws Exception {
        JsonNode staffTasks = json.readTree(new WebClient(port).as("staff", "demo").get("/engine-rest/task").body());
        assertThat(staffTasks.findValuesAsText("processInstanceId"))
                .contains(staffFollowUp.getId())
                .doesNotContain(privacyFollowUp.getId());

        JsonNode privacyTasks = json.readTree(new WebClient(port).as("privacy", "demo").get("/engine-rest/task").body());
        assertThat(privacyTasks.findValuesAsText("processInstanceId"))
                .contains(privacyFollowUp.getId())
                .doesNotContain(staffFollowUp.getId());
    }

    @Test
    void staffCannotReadWhatOnlyThePrivacyOfficeMay() {
        var staff = new WebClient(port).as("staff", "demo");
        assertThat(staff.get("/engine-rest/process-instance/" + privacyFollowUp.getId()).statusCode()).isIn(403, 404);
        assertThat(new WebClient(port).as("privacy", "demo")
                .get("/engine-rest/process-instance/" + privacyFollowUp.getId()).statusCode()).isEqualTo(200);
    }

    @Test
    void aDemoUserLogsInToTasklistAndSeesItsGroupsFiltersAndTasks() throws Exception {
        var browser = new WebClient(port);
        assertThat(browser.webappLogin("tasklist", "staff", "demo").statusCode()).isEqualTo(200);

        JsonNode filters = json.readTree(browser.get("/camunda/api/engine/engine/default/filter").body());
        // Each filter's own name (its properties name the variables on its cards too).
        assertThat(filters).extracting(filter -> filter.path("name").asText()).containsExactlyInAnyOrder(
                "Staff: open tasks", "Staff: due in 7 days", "Staff: overdue");

        JsonNode tasks = json.readTree(browser.get("/camunda/api/engine/engine/default/task").body());
        assertThat(tasks.findValuesAsText("processInstanceId")).contains(staffFollowUp.getId()).doesNotContain(privacyFollowUp.getId());
    }

    @Test
    void anExpressionInsideOrQueriesIsRefusedOnTheRestApi() {
        var privacy = new WebClient(port).as("privacy", "demo");
        var smuggled = privacy.postJson("/engine-rest/task",
                "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}");
        assertThat(smuggled.statusCode()).isEqualTo(400);
        assertThat(smuggled.body()).contains("orQueries");

        assertThat(privacy.postJson("/engine-rest/process-instance",
                "{\"orQueries\":[{\"businessKeyLike\":\"#{1+1}\"}]}").statusCode()).isEqualTo(400);
        assertThat(privacy.postJson("/engine-rest/task", "{\"orQueries\":[{\"candidateGroup\":\"privacy-office\"}]}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anExpressionInsideOrQueriesIsRefusedOnTheWebappApiAndInFilterQueries() throws Exception {
        var browser = new WebClient(port);
        assertThat(browser.webappLogin("tasklist", "staff", "demo").statusCode()).isEqualTo(200);
        assertThat(browser.webappPostJson("/camunda/api/engine/engine/default/task",
                "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}").statusCode()).isEqualTo(400);

        JsonNode filters = json.readTree(browser.get("/camunda/api/engine/engine/default/filter").body());
        String filterId = filters.get(0).get("id").asText();
        assertThat(browser.webappPostJson("/camunda/api/engine/engine/default/filter/" + filterId + "/list",
                "{\"orQueries\":[{\"nameLikeExpression\":\"${x}\"}]}").statusCode()).isEqualTo(400);
        assertThat(new WebClient(port).as("staff", "demo").postJson("/engine-rest/filter/" + filterId + "/list",
                "{\"orQueries\":[{\"nameLikeExpression\":\"${x}\"}]}").statusCode()).isEqualTo(400);
    }

    @Test
    void theAdminSetupEndpointAnswersNothingOnceAnAdministratorExists() {
        var anonymous = new WebClient(port);
        var setup = anonymous.postJson("/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@x\"},\"credentials\":{\"password\":\"pw123456\"}}");
        assertThat(setup.statusCode()).isEqualTo(404);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void theLastDirectAdministratorCannotBeRemovedOnAnyPath() {
        var admin = new WebClient(port).as("admin", "demo");
        var removal = admin.delete("/engine-rest/group/camunda-admin/members/admin");
        assertThat(removal.statusCode()).isEqualTo(400);
        assertThat(removal.body()).contains("last direct member");
        assertThat(admin.delete("/engine-rest/user/admin").statusCode()).isEqualTo(400);
        assertThat(admin.delete("/engine-rest/group/camunda-admin").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> identity.deleteMembership("admin", "camunda-admin")).isInstanceOf(BadUserRequestException.class);
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
    }

    @Test
    void anAdministratorCanBeReplacedOnceAnotherExists() {
        var deputy = identity.newUser("deputy-admin");
        deputy.setPassword("demo-deputy");
        identity.saveUser(deputy);
        identity.createMembership("deputy-admin", "camunda-admin");

        identity.deleteMembership("deputy-admin", "camunda-admin");
        identity.deleteUser("deputy-admin");

        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting("id").containsExactly("admin");
    }
}
