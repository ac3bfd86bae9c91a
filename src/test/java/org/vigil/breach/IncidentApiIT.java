package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** Incidents through the API, as a SIEM or a ticketing system reports them. */
@VigilSpringTest
class IncidentApiIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    static String report(String reference, String description) {
        return """
                {"externalReference": %s, "title": "Misdirected fax", "description": %s,
                 "discoveredAt": "2026-03-02T10:15:00-06:00", "discoveredBy": "front desk",
                 "systemsInvolved": ["fax gateway"], "dataCategories": ["name", "diagnosis"],
                 "affectedEstimate": {"US-TX": 3}}""".formatted(
                reference == null ? "null" : "\"" + reference + "\"", quote(description));
    }

    @Test
    void theSameExternalReferenceTwiceGivesTheSameIncident() throws Exception {
        var siem = new WebClient(port).as("sysadmin", "demo");
        String reference = "SIEM-" + UUID.randomUUID();

        var first = siem.postJson("/api/incidents", report(reference, "first"));
        var second = siem.postJson("/api/incidents", report(reference, "second"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).get("id")).isEqualTo(json.readTree(first.body()).get("id"));
        assertThat(json.readTree(second.body()).get("created").asBoolean()).isFalse();
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheField() throws Exception {
        var siem = new WebClient(port).as("sysadmin", "demo");
        var missingDiscovery = siem.postJson("/api/incidents", """
                {"title": "x", "affectedEstimate": {"US-TX": 3}}""");
        assertThat(missingDiscovery.statusCode()).isEqualTo(400);
        assertThat(missingDiscovery.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(json.readTree(missingDiscovery.body()).get("field").asText()).isEqualTo("discoveredAt");

        var badJurisdiction = siem.postJson("/api/incidents", report(null, "x").replace("US-TX", "Texas"));
        assertThat(badJurisdiction.statusCode()).isEqualTo(400);
        assertThat(badJurisdiction.body()).contains("affectedEstimate").doesNotContain("Exception");

        var negative = siem.postJson("/api/incidents", report(null, "x").replace(": 3", ": -3"));
        assertThat(negative.statusCode()).isEqualTo(400);

        var badDate = siem.postJson("/api/incidents", report(null, "x").replace("2026-03-02T10:15:00-06:00", "yesterday"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badDate.body()).get("field").asText()).isEqualTo("discoveredAt");
    }

    @Test
    void withoutALoginTheApiAnswers401() {
        assertThat(new WebClient(port).postJson("/api/incidents", report(null, "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void theTextIsEncryptedAtRestAndAHostileDescriptionComesBackUnchanged() throws Exception {
        String hostile = "<script>alert(1)</script> $x #set($y = 1) ${7*7} Jane Roe MRN 12345";
        var created = new WebClient(port).as("staff", "demo").postJson("/api/incidents", report(null, hostile));
        long id = json.readTree(created.body()).get("id").asLong();

        var raw = new JdbcTemplate(dataSource).queryForMap("select title, description, discovered_by, systems_involved from incident where id = ?", id);
        assertThat(raw.values()).allSatisfy(value -> assertThat(value.toString()).startsWith("v1:").doesNotContain("Jane", "fax", "front desk"));

        JsonNode incident = json.readTree(new WebClient(port).as("staff", "demo").get("/api/incidents/" + id).body());
        assertThat(incident.get("description").asText()).isEqualTo(hostile);
        assertThat(incident.get("title").asText()).isEqualTo("Misdirected fax");
    }

    @Test
    void staffSeesOnlyTheIncidentsItReportedAndThePrivacyOfficeSeesAll() throws Exception {
        var created = new WebClient(port).as("staff", "demo").postJson("/api/incidents", report(null, "mine"));
        long id = json.readTree(created.body()).get("id").asLong();

        assertThat(new WebClient(port).as("staff", "demo").get("/api/incidents/" + id).statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).as("sysadmin", "demo").get("/api/incidents/" + id).statusCode()).isEqualTo(404);
        var privacy = new WebClient(port).as("privacy", "demo").get("/api/incidents/" + id);
        assertThat(privacy.statusCode()).isEqualTo(200);
        assertThat(json.readTree(privacy.body()).get("status").asText()).isEqualTo("REPORTED");
    }

    private static String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
