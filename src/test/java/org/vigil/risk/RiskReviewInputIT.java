package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.EngineJobs;
import org.vigil.TestClock;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The risk input of a management review: with the risk capability's source present, a review's pack has the risk
 * input available (no more "does not exist yet"), with its figures and one item per risk above the threshold by ids
 * and codes; a past period read twice gives the same answer.
 */
@VigilSpringTest
class RiskReviewInputIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ManagementService management;
    @Autowired RiskReviewInput input;

    @Test
    void aReviewOfAPastMonthShowsTheRiskInputWithItsFiguresAndRisksAboveTheThreshold() throws Exception {
        var rows = new RiskRows(jdbc);
        String asset = rows.asset("high", t("2025-10-01T10:00:00-04:00"), null);
        long above = rows.risk(asset, "ransomware-clinical", t("2025-11-10T10:00:00-05:00"), 5, 5, 4, 4, "TREATING");
        long within = rows.risk(asset, "lost-device", t("2025-11-10T10:00:00-05:00"), 2, 3, null, null, "ANALYSED");
        rows.assessment("triggered", t("2025-11-05T10:00:00-05:00"), t("2025-11-20T10:00:00-05:00"), asset);

        var period = new ReviewPeriod(t("2025-11-01T00:00:00-04:00"), t("2025-12-01T00:00:00-05:00"), "2025-11", null);
        var read = input.read(period);
        assertThat(read.available()).isTrue();
        assertThat(read.items()).extracting(i -> i.key()).contains("R-" + above).doesNotContain("R-" + within);
        assertThat(read.items()).filteredOn(i -> i.key().equals("R-" + above)).singleElement()
                .satisfies(i -> assertThat(i.text()).isEqualTo("R-" + above + " asset " + asset + " threat ransomware-clinical: rating 16 (critical), treating"));
        assertThat(read.figures()).extracting(f -> f.key()).containsExactly("risk.above-threshold", "risk.accepted",
                "risk.treatment-actions-overdue", "risk.assets-unassessed", "risk.assessments-signed-off");
        assertThat(read.figures().get(4).value()).isGreaterThanOrEqualTo(1.0);
        var again = input.read(period);
        assertThat(again.figures()).isEqualTo(read.figures());
        assertThat(again.items()).isEqualTo(read.items());

        var ciso = new WebClient(port).as("ciso", "demo");
        var started = ciso.postJson("/api/management-reviews", "{\"kind\": \"monthly\", \"periodLabel\": \"2025-11\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, "Task_OpenReview");
        var auditor = new WebClient(port).as("auditor", "demo");
        long id = json.readTree(auditor.get("/api/management-reviews").body()).findParents("processInstanceId").stream()
                .filter(r -> r.path("processInstanceId").asText().equals(instance)).findFirst().orElseThrow().path("id").asLong();
        JsonNode risk = null;
        for (JsonNode p : json.readTree(auditor.get("/api/management-reviews/" + id).body()).path("pack")) {
            if (p.path("key").asText().equals("risk")) {
                risk = p.path("input");
            }
        }
        assertThat(risk).isNotNull();
        assertThat(risk.path("available").asBoolean()).isTrue();
        assertThat(risk.path("notes").toString()).doesNotContain("does not exist yet");
        assertThat(risk.path("items").findValuesAsText("key")).contains("R-" + above);
        assertThat(risk.path("figures").findValuesAsText("key")).contains("risk.above-threshold", "risk.assessments-signed-off");
    }

    private static Instant t(String iso) {
        return TestClock.instant(iso);
    }
}
