package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.platform.Sha256;
import org.vigil.risk.events.RiskAssessmentSignedOff;

/**
 * The Statement of Applicability as a client calls it: the 93 controls with the risks each treats; the CISO's edit,
 * refused to staff (403) and named by field when wrong (400); a version frozen when an assessment's sign-off is
 * published, once however often it comes, with a stored PDF whose SHA-256 is the one the list shows; the auditor
 * reads and downloads it, staff may not.
 */
@VigilSpringTest
class StatementOfApplicabilityIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    @Test
    void theCisoEditsAControlOthersAreRefusedAndBadInputIsNamedByField() throws Exception {
        JsonNode current = json.readTree(client("auditor").get("/api/risk/soa").body());
        assertThat(current.path("controls")).hasSize(93);
        JsonNode before = control(current, "A.8.12");
        assertThat(before.path("justification").asText()).isNotBlank();

        var byStaff = client("staff").putJson("/api/risk/soa/A.8.12", edit(true, "DLP rolled out", "implemented"));
        assertThat(byStaff.statusCode()).isEqualTo(403);
        assertThat(byStaff.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(client("manager").putJson("/api/risk/soa/A.8.12", edit(true, "DLP rolled out", "implemented")).statusCode()).isEqualTo(403);
        assertThat(client("staff").get("/api/risk/soa").statusCode()).isEqualTo(403);
        assertThat(client("privacy").get("/api/risk/soa/versions").statusCode()).isEqualTo(403);

        assertThat(field(client("ciso").putJson("/api/risk/soa/A.8.12", edit(false, " ", "planned")))).isEqualTo("justification");
        assertThat(field(client("ciso").putJson("/api/risk/soa/A.8.12", edit(true, "Rolled out", "done")))).isEqualTo("status");
        assertThat(field(client("ciso").putJson("/api/risk/soa/A.8.12", "{\"justification\": \"Rolled out\", \"status\": \"planned\"}")))
                .isEqualTo("applicable");
        assertThat(field(client("ciso").putJson("/api/risk/soa/A.8.12", edit(true, "x".repeat(2001), "planned")))).isEqualTo("justification");
        assertThat(client("ciso").putJson("/api/risk/soa/A.9.99", edit(true, "Rolled out", "planned")).statusCode()).isEqualTo(404);

        var edited = client("ciso").putJson("/api/risk/soa/A.8.12", edit(true, "DLP on mail and cloud storage since May", "implemented"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode after = control(json.readTree(client("manager").get("/api/risk/soa").body()), "A.8.12");
        assertThat(after.path("justification").asText()).isEqualTo("DLP on mail and cloud storage since May");
        assertThat(after.path("status").asText()).isEqualTo("implemented");
        assertThat(after.path("changedBy").asText()).isEqualTo("ciso");
        // The number without "A." names the same control.
        var back = client("ciso").putJson("/api/risk/soa/8.12", edit(before.path("applicable").asBoolean(),
                before.path("justification").asText(), before.path("status").asText()));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    }

    @Test
    void aSignOffFreezesOneVersionWithItsRisksAndAStoredPdfTheAuditorDownloads() throws Exception {
        var rows = new RiskRows(jdbc);
        Instant now = clock.instant();
        String asset = rows.asset("high", now.minus(Duration.ofDays(30)), null);
        long risk = rows.risk(asset, "ransomware-clinical", now.minus(Duration.ofDays(2)), 4, 5, 3, 4, "ACCEPTED");
        rows.treatedBy(risk, "A.8.13");
        rows.treatedBy(risk, "8.7");
        long assessment = rows.assessment("triggered", now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(1)), asset);

        JsonNode current = json.readTree(client("ciso").get("/api/risk/soa").body());
        assertThat(control(current, "A.8.13").path("riskIds").findValuesAsText("")).isEmpty();
        assertThat(ids(control(current, "A.8.13").path("riskIds"))).contains(risk);
        assertThat(ids(control(current, "A.8.7").path("riskIds"))).contains(risk);

        var signedOff = new RiskAssessmentSignedOff(assessment, "triggered", "phi-system-added", now.minus(Duration.ofHours(1)), "ciso");
        transaction.executeWithoutResult(status -> events.publishEvent(signedOff));
        JsonNode version = await(assessment);
        int n = version.path("version").asInt();
        // The same sign-off delivered again freezes nothing new.
        transaction.executeWithoutResult(status -> events.publishEvent(signedOff));
        Thread.sleep(2000);
        assertThat(json.readTree(client("auditor").get("/api/risk/soa/versions").body()).findValues("assessmentId").stream()
                .filter(id -> id.asLong() == assessment).count()).isEqualTo(1);

        JsonNode detail = json.readTree(client("auditor").get("/api/risk/soa/versions/" + n).body());
        assertThat(detail.path("controls")).hasSize(93);
        assertThat(ids(control(detail, "A.8.13").path("riskIds"))).contains(risk);
        assertThat(detail.path("version").path("triggerType").asText()).isEqualTo("phi-system-added");

        var pdf = client("auditor").getBytes("/api/risk/soa/versions/" + n + "/document.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(Sha256.hex(pdf.body())).isEqualTo(version.path("documentSha256").asText());
        assertThat(client("manager").getBytes("/api/risk/soa/versions/" + n + "/document.pdf").body()).isEqualTo(pdf.body());
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Statement of Applicability, version " + n, "risk assessment " + assessment, "Risk heat map",
                    "A.8.34", "R-" + risk);
        }
        var html = client("auditor").get("/api/risk/soa/versions/" + n + "/document.html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("id=\"heat-map\"", "R-" + risk);
        assertThat(client("staff").getBytes("/api/risk/soa/versions/" + n + "/document.pdf").statusCode()).isEqualTo(403);
        assertThat(client("auditor").get("/api/risk/soa/versions/99999").statusCode()).isEqualTo(404);
    }

    private JsonNode await(long assessment) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            Optional<JsonNode> found = find(json.readTree(client("auditor").get("/api/risk/soa/versions").body()), assessment);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no version of the SoA for assessment " + assessment + " within 30 s");
    }

    private static Optional<JsonNode> find(JsonNode versions, long assessment) {
        for (JsonNode v : versions) {
            if (v.path("assessmentId").asLong() == assessment) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    static JsonNode control(JsonNode soa, String id) {
        for (JsonNode c : soa.path("controls")) {
            if (c.path("controlId").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no control " + id);
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static String field(java.net.http.HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json.readTree(response.body()).path("field").asText();
    }

    private static String edit(boolean applicable, String justification, String status) throws Exception {
        return json.writeValueAsString(java.util.Map.of("applicable", applicable, "justification", justification, "status", status));
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }
}
