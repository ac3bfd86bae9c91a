package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** Evidence attached to an incident by IT operations, read by an auditor, stored encrypted. */
@VigilSpringTest
class EvidenceIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void itOperationsAttachesALogTheAuditorDownloadsItUnchangedAndTheDatabaseHoldsOnlyCiphertext() throws Exception {
        long incidentId = json.readTree(new WebClient(port).as("sysadmin", "demo").postJson("/api/incidents", """
                {"title": "Ransomware on the imaging server", "discoveredAt": "2026-03-03T10:15:00-06:00"}""").body()).path("id").asLong();
        String log = "2026-03-03 09:58 encrypted /pacs/Jane_Doe_MRI.dcm\n";

        var attached = upload("sysadmin", incidentId, "Jane_Doe_containment.log", log);
        assertThat(attached.statusCode()).isEqualTo(201);
        var view = json.readTree(attached.body());
        assertThat(view.path("sha256").asText()).hasSize(64);
        assertThat(view.path("size").asLong()).isEqualTo(log.getBytes(StandardCharsets.UTF_8).length);

        var auditor = new WebClient(port).as("auditor", "demo");
        assertThat(json.readTree(auditor.get("/api/incidents/" + incidentId + "/evidence").body()).get(0).path("fileName").asText())
                .isEqualTo("Jane_Doe_containment.log");
        var download = auditor.getBytes("/api/incidents/" + incidentId + "/evidence/" + view.path("id").asLong());
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(log);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
        assertThat(download.headers().firstValue("X-Evidence-SHA256").orElseThrow()).isEqualTo(view.path("sha256").asText());

        var stored = jdbc.queryForMap("select file_name, content from incident_evidence where id = ?", view.path("id").asLong());
        assertThat(stored.values()).allMatch(value -> value.toString().startsWith("v1:") && !value.toString().contains("Jane"));

        assertThat(upload("staff", incidentId, "x.txt", "x").statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).as("staff", "demo").get("/api/incidents/" + incidentId + "/evidence").statusCode()).isEqualTo(403);
        assertThat(upload("sysadmin", 999_999_999L, "x.txt", "x").statusCode()).isEqualTo(404);
        assertThat(upload("sysadmin", incidentId, "empty.txt", "").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> upload(String user, long incidentId, String fileName, String content) throws Exception {
        String boundary = "vigil-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
                + "From the imaging server\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/" + incidentId + "/evidence"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
