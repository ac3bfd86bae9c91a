package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** The SLA exports reach a manager's spreadsheet: titles anyone could type must arrive there as text, not formulas. */
@VigilSpringTest
class SlaCsvExportIT {

    @LocalServerPort int port;
    @Autowired Deadlines deadlines;
    @Autowired SlaRefresher refresher;

    @Test
    void formulasInTitlesAreDefusedInBothExportsHoweverTheyAreDisguised() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // Due long ago, so it heads the overdue list whatever other tests left behind; another due in a few minutes.
        deadlines.track(new DeadlineSpec(DeadlineSpec.OBLIGATION, id, "=HYPERLINK(\"http://x\",\"y\")", " =1+1", null, null,
                "\t=1 " + id, "@SUM(1+1)", Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-02-01T00:00:00Z"), null, null));
        deadlines.track(new DeadlineSpec(DeadlineSpec.OBLIGATION, id + "-soon", "+cmd|' /C calc'!A0", "\r=1", null, null,
                "\n=1 " + id, "  @x", now.minus(Duration.ofDays(1)), now.plus(Duration.ofMinutes(10)), null, null));
        refresher.refresh();
        var manager = new WebClient(port).as("manager", "demo");

        var overdue = rowOf(manager.get("/api/sla/overdue.csv").body(), id);
        assertThat(overdue.subList(0, 4)).containsExactly("'=HYPERLINK(\"http://x\",\"y\")", "' =1+1", "'\t=1 " + id, "'@SUM(1+1)");

        var atRisk = rowOf(manager.get("/api/sla/at-risk.csv?days=2").body(), id);
        assertThat(atRisk.subList(0, 4)).containsExactly("'+cmd|' /C calc'!A0", "'\r=1", "'\n=1 " + id, "'  @x");
    }

    @Test
    void theSummaryExportGivesEveryFigureWithWhatItCounts() throws Exception {
        var manager = new WebClient(port).as("manager", "demo");
        var response = manager.get("/api/sla/summary.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("summary.csv");

        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(response.body()))) {
            assertThat(parser.getHeaderNames()).containsExactly("figure", "process", "period", "value", "unit", "based_on", "definition");
            var byFigure = new java.util.HashMap<String, CSVRecord>();
            parser.getRecords().forEach(record -> byFigure.putIfAbsent(record.get("figure"), record));
            assertThat(byFigure).containsKeys("mean time to contain", "mean time to notify individuals", "access-review completion");
            assertThat(byFigure.get("mean time to contain").get("unit")).isEqualTo("hours");
            assertThat(byFigure.get("mean time to contain").get("definition")).contains("discovery", "end of its containment");
            assertThat(byFigure.get("mean time to notify individuals").get("unit")).isEqualTo("days");
            assertThat(byFigure.get("mean time to notify individuals").get("definition"))
                    .contains("discovery", "last required notice to individuals", "Withdrawn notices are left out");
        }
        assertThat(manager.get("/api/sla/response-times.csv").body())
                .startsWith("incident,discovered_at,contained_at,hours_to_contain,individuals_notified_at,days_to_notify");
    }

    /** The cells of the one line whose {@code what} names the test's deadline. */
    private static List<String> rowOf(String csv, String id) throws Exception {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactly("process", "step", "what", "owner_group", "due", "status", "link",
                    "step_name", "held_by", "due_local");
            List<CSVRecord> records = parser.getRecords();
            return records.stream().filter(record -> record.get("what").contains(id)).findFirst().orElseThrow().toList();
        }
    }
}
