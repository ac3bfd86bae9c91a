package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.breach.NotificationObligationProcess;

/** The dashboard's JSON as each viewer gets it: one row per obligation, only the links the viewer can follow, four quarters. */
@VigilSpringTest
class SlaDashboardIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired SlaRefresher refresher;
    @Value("${vigil.company.zone}") ZoneId zone;

    @Test
    void aManagerViewsAPrivacyTaskInCockpitAndThePrivacyOfficerOpensItInTasklistOneRowPerObligation() throws Exception {
        var planned = PlannedObligations.report(port, runtime, tasks, management, 90);
        refresher.refresh();

        var managerRows = rowsOf(planned, "manager");
        var privacyRows = rowsOf(planned, "privacy");
        for (var rows : List.of(managerRows, privacyRows)) {
            // One row per obligation; none for the tasks that carry it.
            assertThat(rows).extracting(row -> row.path("sourceType").asText()).containsOnly("obligation");
            assertThat(rows).extracting(row -> row.path("cockpitLink").asText())
                    .containsExactlyInAnyOrderElementsOf(planned.processOfObligation().values().stream()
                            .map(instance -> "/camunda/app/cockpit/default/#/process-instance/" + instance).toList());
            assertThat(rows).extracting(row -> row.path("what").asText() + " " + row.path("due").asText())
                    .doesNotHaveDuplicates();
            for (JsonNode row : rows) {
                assertThat(row.path("what").asText()).startsWith("Notice to ").contains(planned.incidentLabel());
                assertThat(row.path("stepName").asText()).isEqualTo("Prepare the notice");
                assertThat(row.path("step").asText()).isEqualTo("Task_PrepareNotice");
                assertThat(row.path("heldBy").asText()).isEqualTo("Privacy office");
                // "Wed 1 Apr 2026 17:00 EDT": the legal deadline in the company's zone, with the zone.
                assertThat(row.path("due").asText()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} E[SD]T");
            }
        }
        // Managers read every instance but not the privacy office's tasks: no Tasklist link that would say "no such task".
        assertThat(managerRows).allSatisfy(row -> assertThat(row.path("tasklistLink").isNull()).isTrue());
        for (JsonNode row : privacyRows) {
            String instance = row.path("cockpitLink").asText().substring(row.path("cockpitLink").asText().lastIndexOf('/') + 1);
            String task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_PrepareNotice").singleResult().getId();
            assertThat(row.path("tasklistLink").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task);
        }
        // The incident's title is PHI: in no row, in no export.
        var manager = new WebClient(port).as("manager", "demo");
        for (String path : List.of("/api/sla/at-risk?days=90", "/api/sla/overdue", "/api/sla/at-risk.csv?days=90", "/api/sla/overdue.csv")) {
            assertThat(manager.get(path).body()).doesNotContain(planned.title());
        }
    }

    @Test
    void theOnTimeRateCoversTheLastFourQuartersInTheCompanyZoneEachProcessInEach() throws Exception {
        var summary = json.readTree(new WebClient(port).as("manager", "demo").get("/api/sla/summary").body());
        List<String> quarters = new ArrayList<>();
        summary.path("quarters").forEach(quarter -> quarters.add(quarter.asText()));
        var today = Instant.now().atZone(zone);
        var current = today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR);
        var first = today.minusMonths(9);
        assertThat(quarters).hasSize(4).endsWith(current).startsWith(first.getYear() + "-Q" + first.get(IsoFields.QUARTER_OF_YEAR));
        summary.path("onTimeRateByProcess").forEach(rates -> {
            List<String> shown = new ArrayList<>();
            rates.forEach(rate -> {
                shown.add(rate.path("quarter").asText());
                // A quarter without deadlines says so: none counted and no rate, rather than a missing bar.
                if (rate.path("total").asLong() == 0) {
                    assertThat(rate.path("rate").isNull()).isTrue();
                }
            });
            assertThat(shown).isEqualTo(quarters);
        });
        assertThat(summary.path("asOfText").asText()).matches(".* E[SD]T");
    }

    /** The viewer's rows of this incident, from both lists the page shows. */
    private List<JsonNode> rowsOf(PlannedObligations planned, String user) throws Exception {
        var client = new WebClient(port).as(user, "demo");
        List<JsonNode> rows = new ArrayList<>();
        for (String path : List.of("/api/sla/overdue", "/api/sla/at-risk?days=90")) {
            var response = client.get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            json.readTree(response.body()).forEach(row -> {
                // At-risk lists what falls due in the window, overdue included: the page shows those under overdue only.
                // The incident's obligations, and any task of their processes that would show beside them.
                boolean aboutNotices = row.path("sourceType").asText().equals("obligation")
                        || row.path("processKey").asText().equals(NotificationObligationProcess.KEY);
                if (aboutNotices && row.path("what").asText().matches(".*\\b" + planned.incidentLabel() + "(\\D.*)?")
                        && !(path.contains("at-risk") && row.path("status").asText().equals("OVERDUE"))) {
                    rows.add(row);
                }
            });
        }
        return rows;
    }
}
