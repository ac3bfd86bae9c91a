package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** Oversized bodies and malformed request lines are refused at the edge with a problem body, on every API. */
@VigilSpringTest
class InputLimitsIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;

    /** The case: 20 MB of JSON tied a thread up and ended in 500; it is refused from its announced length. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/incidents", "/api/notification-plans", "/engine-rest/task", "/camunda/api/engine/engine/default/task"})
    void aTwentyMegabyteJsonBodyIsRefusedWith413NamingTheLimit(String path) throws Exception {
        byte[] body = jsonOf(20 * 1024 * 1024);

        var response = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertTooLarge(response, "vigil.http.max-body-size");
    }

    @Test
    void aChunkedJsonBodyIsCountedAndRefusedOnceItPassesTheLimit() throws Exception {
        byte[] body = jsonOf(2 * 1024 * 1024);

        var response = send(HttpRequest.newBuilder(uri("/engine-rest/process-instance")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertTooLarge(response, "vigil.http.max-body-size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest;x/user", "/api/incidents;jsessionid=1/1", "/api/%2e%2e/engine-rest/user"})
    void aMalformedPathIs400WithAProblemBody(String path) throws Exception {
        var response = send(HttpRequest.newBuilder(uri(path)).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response);
        assertThat(json.readTree(response.body()).path("field").asText()).isEqualTo("path");
    }

    /** Tomcat itself refuses an encoded slash, before any filter; its answer is a problem body too. */
    @Test
    void aPathTheServerRefusesItselfAnswersWithAProblemBody() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/engine-rest/user/%2F")).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response);
    }

    @Test
    void aWrongContentTypeAndAnUnknownPathAnswerWithAProblemBody() throws Exception {
        var client = new WebClient(port).as("privacy", "demo");

        var xml = client.post("/api/incidents", "application/xml", "<incident/>");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertProblem(xml);
        assertThat(json.readTree(xml.body()).path("field").asText()).isEqualTo("Content-Type");

        var missing = client.get("/api/no-such-thing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing);

        var wrongType = client.get("/api/sla/at-risk?days=soon");
        assertThat(wrongType.statusCode()).isIn(400, 403);
        assertProblem(wrongType);
    }

    private static byte[] jsonOf(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] open = "{\"title\": \"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, body, 0, open.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private void assertTooLarge(HttpResponse<String> response, String limit) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertProblem(response);
        assertThat(json.readTree(response.body()).path("limit").asText()).isEqualTo(limit);
    }

    private static void assertProblem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("privacy:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
