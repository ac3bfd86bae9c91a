package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.TestClock;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.correctiveaction.RaiseAction;

/**
 * The risk figures and the heat map against register rows written into MariaDB: residual rating where treated, else
 * inherent; accepted ones apart; closed risks, retired assets and what came later left out; assets unassessed by
 * their priority's period; treatment actions overdue from the corrective-action capability. Each figure is compared
 * with the same moment before the rows were written, so other tests' rows of this database do not matter. The SLA
 * dashboard's summary, CSV and gauges show them.
 */
@VigilSpringTest
class RiskFiguresTest {

    @RegisterExtension final TestClock clock = TestClock.at("2027-03-01T09:00:00-05:00");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RiskFigures figures;
    @Autowired CorrectiveActions actions;
    @Autowired MeterRegistry registry;

    static final Instant MID_MARCH = TestClock.instant("2027-03-15T12:00:00-04:00");
    static final Instant MID_APRIL = TestClock.instant("2027-04-15T12:00:00-04:00");
    static final Instant JUNE = TestClock.instant("2027-06-01T12:00:00-04:00");
    static final Instant MID_JUNE = TestClock.instant("2027-06-15T12:00:00-04:00");

    @Test
    void countsRisksAboveTheThresholdAcceptedOnesUnassessedAssetsAndTheHeatMapAsTheyWereAtAMoment() {
        var beforeMarch = figures.at(MID_MARCH);
        var beforeJune = figures.at(JUNE);
        var rows = new RiskRows(jdbc);
        String assessedRecently = rows.asset("high", t("2027-01-05T10:00:00-05:00"), t("2027-04-01T10:00:00-04:00"));
        String assessedLongAgo = rows.asset("high", t("2027-01-05T10:00:00-05:00"), null);
        rows.assessment("quarterly", t("2027-01-10T10:00:00-05:00"), t("2027-01-20T10:00:00-05:00"), assessedLongAgo);
        String normal = rows.asset("normal", t("2027-01-05T10:00:00-05:00"), null);
        String retired = rows.asset("normal", t("2027-01-05T10:00:00-05:00"), null);
        rows.retire(retired, t("2027-05-01T10:00:00-04:00"));

        Instant identified = t("2027-02-01T10:00:00-05:00");
        rows.risk(assessedRecently, "ransomware-clinical", identified, 5, 5, 3, 4, "TREATING");   // residual 12: above
        rows.risk(assessedRecently, "credential-stuffing", identified, 4, 4, null, null, "ANALYSED"); // inherent 16: above
        long accepted = rows.risk(assessedLongAgo, "misdirected-phi", identified, 4, 5, 2, 5, "TREATING"); // residual 10
        rows.accept(accepted, t("2027-04-01T10:00:00-04:00"));
        rows.risk(normal, "lost-device", identified, 2, 2, null, null, "ANALYSED");                // 4: within
        rows.risk(normal, "cloud-misconfiguration", t("2027-07-01T10:00:00-04:00"), 5, 5, null, null, "ANALYSED"); // later
        rows.risk(retired, "workforce-snooping", identified, 5, 5, null, null, "ANALYSED");        // retired asset
        rows.risk(normal, "insider-misuse", identified, 5, 5, null, null, "CLOSED");               // closed

        var june = figures.at(JUNE);
        assertThat(june.aboveThreshold() - beforeJune.aboveThreshold()).isEqualTo(2);
        assertThat(june.accepted() - beforeJune.accepted()).isEqualTo(1);
        // The high-priority asset last assessed in January is past its three months; the normal one is within its year.
        assertThat(june.assetsUnassessed() - beforeJune.assetsUnassessed()).isEqualTo(1);
        var map = june.heatMap();
        var before = beforeJune.heatMap();
        assertThat(map.total() - before.total()).isEqualTo(4);
        assertThat(map.count(3, 4) - before.count(3, 4)).isEqualTo(1);
        assertThat(map.count(4, 4) - before.count(4, 4)).isEqualTo(1);
        assertThat(map.count(2, 5) - before.count(2, 5)).isEqualTo(1);
        assertThat(map.count(2, 2) - before.count(2, 2)).isEqualTo(1);
        assertThat(map.count(5, 5) - before.count(5, 5)).as("closed, retired and later risks").isZero();
        assertThat(map.rows().get(0).likelihood()).isEqualTo(5);
        assertThat(map.rows().get(0).cells().get(4).band()).isEqualTo("critical");
        assertThat(map.rows().get(4).cells().get(0).band()).isEqualTo("low");
        assertThat(map.rows().get(2).cells().get(3).aboveThreshold()).as("3 x 4 = 12 > 9").isTrue();

        // Mid-March: the acceptance had not happened and the retired asset was still in use (its 5 x 5 risk counted);
        // the recently assessed asset was then within the quarter of its addition.
        var march = figures.at(MID_MARCH);
        assertThat(march.aboveThreshold() - beforeMarch.aboveThreshold()).isEqualTo(4);
        assertThat(march.heatMap().count(5, 5) - beforeMarch.heatMap().count(5, 5)).isEqualTo(1);
        assertThat(march.accepted() - beforeMarch.accepted()).isZero();
        assertThat(march.assetsUnassessed() - beforeMarch.assetsUnassessed()).isZero();
        assertThat(figures.at(JUNE)).as("asked again").isEqualTo(june);
    }

    @Test
    void countsTreatmentActionsOpenPastTheirDueDate() {
        var beforeApril = figures.at(MID_APRIL).treatmentActionsOverdue();
        var beforeJune = figures.at(MID_JUNE).treatmentActionsOverdue();
        String reference = "risk:" + System.nanoTime() + ":assessment:1:action:";
        // Raised on 1 March 2027: a major action is due in 30 days, a minor one in 90.
        actions.raise(new RaiseAction(new ActionSource(ActionSource.RISK_TREATMENT, reference + 1), "major", "it-operations",
                "Segment the clinical network", "ciso", null, false));
        actions.raise(new RaiseAction(new ActionSource(ActionSource.RISK_TREATMENT, reference + 2), "minor", "it-operations",
                "Rotate the portal's keys", "ciso", null, false));
        // Another source's action is not a treatment action.
        actions.raise(new RaiseAction(new ActionSource(ActionSource.MANUAL, "manual:" + System.nanoTime()), "major", "it-operations",
                "Something else", "ciso", null, false));

        assertThat(figures.at(MID_APRIL).treatmentActionsOverdue() - beforeApril).isEqualTo(1);
        // The minor one is due at the close of 1 June (30 May a Sunday, 31 May Memorial Day).
        assertThat(figures.at(MID_JUNE).treatmentActionsOverdue() - beforeJune).isEqualTo(2);
        assertThat(figures.at(TestClock.instant("2027-03-02T09:00:00-05:00")).treatmentActionsOverdue())
                .isEqualTo(figures.at(TestClock.instant("2027-03-02T09:00:00-05:00")).treatmentActionsOverdue());
    }

    @Test
    void theSlaDashboardShowsTheRiskFiguresInItsSummaryCsvAndGauges() throws Exception {
        var manager = new WebClient(port).as("manager", "demo");
        var now = figures.now();
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manager.get("/api/sla/summary").body());
        assertThat(summary.path("risks").path("aboveThreshold").asLong()).isEqualTo(now.aboveThreshold());
        assertThat(summary.path("risks").path("heatMap").path("rows")).hasSize(5);
        assertThat(summary.path("definitions").path("risksAboveThreshold").asText()).contains("acceptance threshold");
        assertThat(manager.get("/api/sla/summary.csv").body()).contains("risks above the acceptance threshold",
                "risk treatment actions overdue", "assets not assessed within their period");
        var admin = new WebClient(port).as("admin", "demo");
        String prometheus = admin.get("/actuator/prometheus").body();
        assertThat(prometheus).contains("vigil_risks_above_threshold ", "vigil_risk_treatment_actions_overdue ", "vigil_risk_assets_unassessed ");
        assertThat(registry.get("vigil.risks.above.threshold").gauge()).isNotNull();
    }

    private static Instant t(String iso) {
        return TestClock.instant(iso);
    }
}
