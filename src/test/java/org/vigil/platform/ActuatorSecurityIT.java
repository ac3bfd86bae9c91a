package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** Health says UP or DOWN to anyone and more only to operations; metrics are for operations alone. */
@VigilSpringTest
class ActuatorSecurityIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;

    @Test
    void anAnonymousCallerSeesOnlyTheStatus() throws Exception {
        var health = new WebClient(port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.fieldNames()).toIterable().containsExactly("status");
    }

    @Test
    void staffSeesOnlyTheStatusToo() throws Exception {
        JsonNode body = json.readTree(new WebClient(port).as("staff", "demo").get("/actuator/health").body());
        assertThat(body.fieldNames()).toIterable().containsExactly("status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sysadmin", "admin"})
    void operationsAndAdministratorsSeeTheDetails(String user) throws Exception {
        JsonNode body = json.readTree(new WebClient(port).as(user, "demo").get("/actuator/health").body());
        assertThat(body.path("components").path("db").path("details").path("database").asText()).isNotEmpty();
        assertThat(body.path("components").path("diskSpace").path("details").has("path")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/metrics"})
    void metricsAreForOperationsAndAdministratorsOnly(String path) {
        assertThat(new WebClient(port).as("staff", "demo").get(path).statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).as("manager", "demo").get(path).statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).as("sysadmin", "demo").get(path).statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).as("admin", "demo").get(path).statusCode()).isEqualTo(200);
    }
}
