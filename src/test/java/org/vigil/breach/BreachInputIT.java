package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** Wrong input to the breach API is refused with 4xx and a problem body naming the field, never a 500 or another's data. */
@VigilSpringTest
class BreachInputIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;

    @Test
    void aDuplicateExternalReferenceDoesNotHandStaffTheIdOfAnotherReportersIncident() throws Exception {
        String reference = "SIEM-" + UUID.randomUUID();
        var first = new WebClient(port).as("sysadmin", "demo").postJson("/api/incidents", incident(reference));
        String theirs = json.readTree(first.body()).path("id").asText();

        var again = new WebClient(port).as("staff", "demo").postJson("/api/incidents", incident(reference));

        assertThat(again.statusCode()).isEqualTo(409);
        assertProblemNaming(again, "externalReference");
        assertThat(json.readTree(again.body()).has("id")).isFalse();
        assertThat(again.body()).doesNotContain("/api/incidents/" + theirs);
        // The reporter and the privacy office, who may see it, still get the first incident.
        assertThat(new WebClient(port).as("privacy", "demo").postJson("/api/incidents", incident(reference)).statusCode()).isEqualTo(200);
    }

    @Test
    void evidenceCannotBeLinkedToAnObligationThatDoesNotExist() throws Exception {
        long incidentId = reported();

        var linked = attach(incidentId, "obligationId", "987654321");

        assertThat(linked.statusCode()).isEqualTo(400);
        assertProblemNaming(linked, "obligationId");
        assertThat(new WebClient(port).as("auditor", "demo").get("/api/incidents/" + incidentId + "/evidence").body()).isEqualTo("[]");
    }

    @Test
    void aListOfTheAffectedSavedWithAByteOrderMarkIsReadAsIfItHadNone() throws Exception {
        long incidentId = reported();
        String csv = "\uFEFFname,postal_address,email,jurisdiction,contact_valid\nJane Roe,1 Main St Austin TX,,US-TX,true\n";

        var asBody = new WebClient(port).as("privacy", "demo").post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv", csv);
        assertThat(asBody.statusCode()).as(asBody.body()).isEqualTo(200);
        assertThat(json.readTree(asBody.body()).path("byJurisdiction").path("US-TX").asInt()).isEqualTo(1);

        var asFile = send(multipart("/api/incidents/" + incidentId + "/affected-individuals", "privacy", "file", "people.csv", csv, null, null));
        assertThat(asFile.statusCode()).as(asFile.body()).isEqualTo(200);
    }

    @Test
    void datesOutsideTheStorableRangeOverlongTextAndOversizedListsAre400NamingTheField() throws Exception {
        var siem = new WebClient(port).as("sysadmin", "demo");
        assertProblemNaming(siem.postJson("/api/incidents", """
                {"title": "Far future", "discoveredAt": "+10000-01-01T00:00:00Z"}"""), "discoveredAt");
        assertProblemNaming(siem.postJson("/api/incidents", """
                {"title": "Far past", "discoveredAt": "2026-03-02T10:15:00Z", "occurredAt": "0999-12-31T23:59:59Z"}"""), "occurredAt");
        // 20,000 three-byte characters no longer fit the encrypted TEXT column.
        assertProblemNaming(siem.postJson("/api/incidents", """
                {"title": "Long", "discoveredAt": "2026-03-02T10:15:00Z", "description": "%s"}""".formatted("€".repeat(20_000))), "description");
        assertProblemNaming(siem.postJson("/api/incidents", """
                {"title": "Many", "discoveredAt": "2026-03-02T10:15:00Z", "dataCategories": [%s]}""".formatted(
                "\"name\",".repeat(300) + "\"ssn\"")), "dataCategories");

        long incidentId = reported();
        assertProblemNaming(new WebClient(port).as("privacy", "demo").postJson("/api/incidents/" + incidentId + "/facts", """
                {"determinationAt": "12026-01-01T00:00:00Z"}"""), "determinationAt");
    }

    @Test
    void aRejectedTenThousandCharacterValueIsNotEchoedByThePlanApi() throws Exception {
        String value = "x".repeat(10_000);
        var plan = new WebClient(port).as("staff", "demo").postJson("/api/notification-plans", """
                {"discoveredAt": "2026-03-02T10:15:00-06:00", "entityTimezone": "%s", "role": "%s",
                 "affectedCounts": {"US-TX": 3}}""".formatted(value, value));

        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(plan.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(plan.body()).contains("role").doesNotContain("xxxxxxxxxx");
    }

    @Test
    void aWrongTypeInATriageAnswerIs400NamingTheFieldInsteadOfADecisionTableFailure() throws Exception {
        long incidentId = reported();
        var privacy = new WebClient(port).as("privacy", "demo");
        String taskId = json.readTree(privacy.get("/engine-rest/task?taskDefinitionKey=Task_TriageIncident&processInstanceBusinessKey="
                + BreachResponseProcess.businessKey(incidentId)).body()).get(0).path("id").asText();

        var notABoolean = privacy.postJson("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"patientDataInvolved": {"value": "perhaps"}, "estimatedAffected": {"value": 12}}}""");
        assertThat(notABoolean.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notABoolean.body()).path("message").asText()).contains("Patient data (PHI) may be involved")
                .doesNotContain("perhaps");

        var notACount = privacy.postJson("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"patientDataInvolved": {"value": true}, "estimatedAffected": {"value": "a dozen"}}}""");
        assertThat(notACount.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notACount.body()).path("message").asText()).contains("People affected (first estimate)");

        // A checkbox answers true or false, not the text "true": the form's type, held by the SteeringGuard.
        var text = privacy.postJson("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"patientDataInvolved": {"value": "true"}, "estimatedAffected": {"value": 12}}}""");
        assertThat(text.statusCode()).isEqualTo(400);

        var right = privacy.postJson("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"patientDataInvolved": {"value": true}, "estimatedAffected": {"value": 12}}}""");
        assertThat(right.statusCode()).as(right.body()).isEqualTo(204);
    }

    private void assertProblemNaming(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("field").asText()).isEqualTo(field);
    }

    private long reported() throws Exception {
        return json.readTree(new WebClient(port).as("privacy", "demo").postJson("/api/incidents", incident(null)).body()).path("id").asLong();
    }

    private static String incident(String reference) {
        return """
                {"externalReference": %s, "title": "Lost laptop", "discoveredAt": "2026-03-02T10:15:00-06:00",
                 "affectedEstimate": {"US-TX": 3}}""".formatted(reference == null ? "null" : "\"" + reference + "\"");
    }

    private HttpResponse<String> attach(long incidentId, String field, String value) throws Exception {
        return send(multipart("/api/incidents/" + incidentId + "/evidence", "sysadmin", "file", "log.txt", "a log line\n", field, value));
    }

    private HttpRequest multipart(String path, String user, String part, String fileName, String content, String field, String value) {
        String boundary = "vigil-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n"
                + (field == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n")
                + "--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
