package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.VigilSpringTest;

/**
 * Issue 13, point 7, "counterparty notices only where a contract applies": an agreement of the register
 * (seeds/breach/agreements.yaml) obliges a notice only when the company holds the counterparty's data in the role the
 * agreement gives it and that counterparty's data is involved; the notice lists that counterparty's people only.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class CounterpartyNoticesIT {

    private static final Map<String, Object> TEXT = Map.of("phiNoticeWhatHappened", "An EHR setting exposed charts to another tenant.",
            "phiNoticeWhatWeAreDoing", "We fixed the setting and reviewed every tenant.");

    BreachThroughRest breach;

    @BeforeEach
    void client(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void theCompanysOwnBreachAsCoveredEntityOwesNoCounterpartyANotice() throws Exception {
        long incidentId = reported("Lost clinic laptop", "{\"US-TX\": 30}");
        assertThat(breach.upload(incidentId, PlannedBreach.people(30, 0)).statusCode()).isEqualTo(200);
        breach.investigateAndPlan(incidentId, Map.of("affectedCounts", "US-TX: 30", "role", "covered_entity"));

        assertThat(recipients(incidentId)).contains("individuals", "hhs").noneMatch(recipient -> recipient.startsWith("counterparty:"));
    }

    @Test
    void asABusinessAssociateTheCompanyNotifiesOnlyTheCustomersWhoseDataIsInvolvedEachWithItsOwnPeople() throws Exception {
        long incidentId = reported("Hosted EHR misconfiguration", "{\"US-TX\": 25}");
        // 15 of Northwind's patients and 10 people of nobody under agreement (a pilot without a contract).
        assertThat(breach.upload(incidentId, list(15, 0, 10)).statusCode()).isEqualTo(200);
        breach.investigateAndPlan(incidentId, Map.of("affectedCounts", "US-TX: 25", "role", "business_associate",
                "affectedCounterparties", "northwind-clinics"));

        assertThat(recipients(incidentId)).contains("counterparty:baa-northwind-clinics").doesNotContain("counterparty:msa-contoso-health");
        long northwind = breach.obligation(incidentId, "contract:baa-northwind-clinics", "CONTRACT").path("id").asLong();
        breach.prepare(northwind, TEXT);
        var notice = breach.previewHtml(northwind, null);
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
        assertThat(listed(notice.body())).hasSize(15).allMatch(name -> name.startsWith("Northwind patient "));
        assertThat(BreachThroughRest.htmlText(notice.body())).contains("To: Northwind Clinics (covered entity)", "Individuals affected (15)");
        assertThat(breach.previewPdfText(northwind, null)).contains("Individuals affected (15)", "Northwind patient 15")
                .doesNotContain("Pilot person", "Contoso member");

        // The corrected list marks five people as Contoso Health Plan's: its customer contract now applies, with them alone.
        assertThat(breach.upload(incidentId, list(15, 5, 10)).statusCode()).isEqualTo(200);
        assertThat(breach.privacy.post("/api/incidents/" + incidentId + "/replan", "application/json", "").statusCode()).isEqualTo(200);
        long contoso = breach.obligation(incidentId, "contract:msa-contoso-health", "CONTRACT").path("id").asLong();
        breach.prepare(contoso, TEXT);
        var contosoNotice = breach.previewHtml(contoso, null);
        assertThat(contosoNotice.statusCode()).as(contosoNotice.body()).isEqualTo(200);
        assertThat(listed(contosoNotice.body())).containsExactly("Contoso member 1", "Contoso member 2", "Contoso member 3",
                "Contoso member 4", "Contoso member 5");
        assertThat(breach.previewPdfText(contoso, null)).contains("To: Contoso Health Plan", "Individuals affected (5)")
                .doesNotContain("Northwind patient", "Pilot person");
        assertThat(listed(breach.previewHtml(northwind, null).body())).hasSize(15);

        // A counterparty the register does not know is refused by line and column, nothing stored.
        var unknown = breach.upload(incidentId, list(1, 0, 0).replace(",northwind-clinics", ",acme-hospital"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        var problem = BreachThroughRest.json.readTree(unknown.body()).path("problems").get(0);
        assertThat(problem.path("line").asInt()).isEqualTo(2);
        assertThat(problem.path("column").asText()).isEqualTo("counterparty");
        assertThat(unknown.body()).doesNotContain("acme-hospital");
    }

    @Test
    void asAProcessorTheCompanyNotifiesTheCustomerContractButNotABusinessAssociateAgreement() throws Exception {
        long incidentId = reported("Analytics export to a wrong bucket", "{\"EU-DE\": 8}");
        breach.investigateAndPlan(incidentId, Map.of("affectedCounts", "EU-DE: 8", "role", "none", "gdprApplies", true,
                "gdprRegime", "GDPR", "gdprRole", "processor", "gdprRiskLevel", "risk",
                "affectedCounterparties", "contoso-health, northwind-clinics"));

        assertThat(recipients(incidentId)).contains("controller", "counterparty:msa-contoso-health")
                .doesNotContain("counterparty:baa-northwind-clinics");
    }

    private long reported(String title, String estimate) throws Exception {
        var discovered = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);
        return breach.report(title, discovered.minusDays(1), discovered, estimate);
    }

    private List<String> recipients(long incidentId) throws Exception {
        var recipients = new ArrayList<String>();
        breach.obligations(incidentId).forEach(obligation -> {
            if (!obligation.path("status").asText().equals("WITHDRAWN")) {
                recipients.add(obligation.path("recipient").asText());
            }
        });
        return recipients;
    }

    /** Northwind's patients, Contoso's members and people of no counterparty, with the optional counterparty column. */
    private static String list(int northwind, int contoso, int unmarked) {
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid,counterparty\n");
        for (int i = 1; i <= northwind; i++) {
            csv.append("Northwind patient ").append(i).append(",").append(i).append(" Oak Street Dallas TX,,US-TX,true,northwind-clinics\n");
        }
        for (int i = 1; i <= contoso; i++) {
            csv.append("Contoso member ").append(i).append(",").append(i).append(" Pine Street Houston TX,,US-TX,true,contoso-health\n");
        }
        for (int i = 1; i <= unmarked; i++) {
            csv.append("Pilot person ").append(i).append(",").append(i).append(" Main Street Austin TX,,US-TX,true,\n");
        }
        return csv.toString();
    }

    /** The names in the business-associate notice's table of individuals. */
    private static List<String> listed(String html) {
        var names = new ArrayList<String>();
        Jsoup.parse(html).select("table.individuals tbody th").forEach(cell -> names.add(cell.text()));
        return names;
    }
}
