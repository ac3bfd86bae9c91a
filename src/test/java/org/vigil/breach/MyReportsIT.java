package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** Issue 15, point 8: whoever reports an incident follows it under "My reports", and sees no one else's. */
@VigilSpringTest
class MyReportsIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;

    @Test
    void aReporterSeesTheirOwnReportsWithTheirNumberAndWhereTheyStandAndNoOneElses() throws Exception {
        long first = report("staff", "Badge reader log left on a shared drive");
        long second = report("staff", "Phishing mail opened at the front desk");
        long someoneElses = report("sysadmin", "Backup tape missing from the safe");

        JsonNode mine = json.readTree(new WebClient(port).as("staff", "demo").get("/api/incidents/mine").body());
        // Newest first; other tests of this JVM reported as staff before.
        assertThat(mine.findValuesAsText("id")).startsWith(String.valueOf(second), String.valueOf(first)).doesNotContain(String.valueOf(someoneElses));
        assertThat(mine.get(0).path("title").asText()).isEqualTo("Phishing mail opened at the front desk");
        assertThat(mine.get(0).path("whereItStands").asText()).startsWith("Received: the privacy office triages it");
        assertThat(mine.toString()).doesNotContain("Backup tape");

        JsonNode theirs = json.readTree(new WebClient(port).as("sysadmin", "demo").get("/api/incidents/mine").body());
        assertThat(theirs.findValuesAsText("id")).startsWith(String.valueOf(someoneElses)).doesNotContain(String.valueOf(first), String.valueOf(second));

        // The page's list, behind the pages' login form, is the same.
        var browserLike = new WebClient(port);
        browserLike.pageLogin("staff", "demo");
        var page = browserLike.get("/reports/mine");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json.readTree(page.body()).path("reports").findValuesAsText("id")).startsWith(String.valueOf(second), String.valueOf(first));
    }

    private long report(String user, String title) throws Exception {
        var response = new WebClient(port).as(user, "demo").postJson("/api/incidents", json.writeValueAsString(java.util.Map.of("title", title,
                "discoveredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }
}
