package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.VigilSpringTest;

/**
 * Issue 13, point 5, "approved means renderable": approval and dispatch run the preview's own check and refuse a
 * notice that cannot be rendered, naming what it lacks in plain words; the preview renders whatever the list holds.
 * As the demo users do it through the REST APIs.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class NoticeReleaseIT {

    BreachThroughRest breach;

    @BeforeEach
    void client(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void aNoticeThePreviewRefusesCannotBeApprovedAndThePreviewRendersALetterToAPersonWithAnEMailOnly() throws Exception {
        var discovered = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
        long incidentId = breach.report("Misconfigured patient portal", discovered.minusDays(2), discovered, "{\"US-TX\": 600}");
        // The first person listed has an e-mail address and no postal address.
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\nAnn Mailonly,,ann.mailonly@example.com,US-TX,true\n");
        for (int i = 2; i <= 600; i++) {
            csv.append("Patient ").append(i).append(",").append(i).append(" Elm Street Austin TX,,US-TX,true\n");
        }
        assertThat(breach.upload(incidentId, csv.toString()).statusCode()).isEqualTo(200);
        breach.investigateAndPlan(incidentId, Map.of("affectedCounts", "US-TX: 600", "role", "covered_entity"));
        long individuals = breach.obligation(incidentId, "H6", "US").path("id").asLong();
        long hhs = breach.obligation(incidentId, "H10", "US").path("id").asLong();

        // Before anything is written, the preview refuses with exactly what the missing-facts check names.
        var unprepared = breach.previewHtml(individuals, null);
        assertThat(unprepared.statusCode()).isEqualTo(422);
        var named = new ArrayList<String>();
        BreachThroughRest.json.readTree(unprepared.body()).path("missing").forEach(fact -> named.add(fact.asText()));
        var listed = new ArrayList<String>();
        breach.missingFacts(individuals).path("INDIVIDUAL_NOTICE").forEach(fact -> listed.add(fact.asText()));
        assertThat(named).isEqualTo(listed).contains("whatHappened", "stepsForIndividuals");

        // Prepared: nothing is missing, and the preview is the first person's letter, addressed by e-mail.
        breach.prepare(individuals, Map.of("phiNoticeWhatHappened", "A portal setting showed lab results to other patients.",
                "phiNoticeSteps", "Tell us if you saw results that are not yours.", "phiNoticeWhatWeAreDoing", "We fixed the setting and audited access."));
        assertThat(breach.missingFacts(individuals).path("INDIVIDUAL_NOTICE")).isEmpty();
        var letter = breach.previewHtml(individuals, null);
        assertThat(letter.statusCode()).as(letter.body()).isEqualTo(200);
        assertThat(BreachThroughRest.htmlText(letter.body())).contains("Ann Mailonly By e-mail to ann.mailonly@example.com", "Dear Ann Mailonly,");
        assertThat(breach.previewPdfText(individuals, null)).contains("By e-mail to ann.mailonly@example.com", "Dear Ann Mailonly,");

        // The HHS report without the breach type, its location and the safeguards: named as missing, refused by the preview...
        breach.prepare(hhs, Map.of("phiNoticeWhatHappened", "A portal setting showed lab results to other patients.",
                "phiNoticeWhatWeAreDoing", "We fixed the setting and audited access."));
        var hhsMissing = new ArrayList<String>();
        breach.missingFacts(hhs).path("HHS_REPORT").forEach(fact -> hhsMissing.add(fact.asText()));
        assertThat(hhsMissing).containsExactly("breachType", "breachLocation", "safeguards");
        assertThat(breach.previewHtml(hhs, null).statusCode()).isEqualTo(422);
        assertThat(breach.privacy.getBytes("/api/obligations/" + hhs + "/notice?format=pdf").statusCode()).isEqualTo(422);

        // ...and so by the approval, which names them in plain words.
        var refused = breach.approve(hhs, true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(BreachThroughRest.json.readTree(refused.body()).path("message").asText()).isEqualTo("The notice cannot be approved:"
                + " the HHS breach report lacks the type of breach, the location of the breached information and the safeguards in place"
                + " before the breach.");
        assertThat(refused.body()).doesNotContain("at org.");
        assertThat(breach.openTask(hhs)).isEqualTo(NotificationObligationProcess.Task_ApproveNotice);
        assertThat(breach.obligation(incidentId, "H10", "US").path("status").asText()).isEqualTo("PREPARED");

        // Sent back, prepared in full: previewed, approved and sent.
        assertThat(breach.approve(hhs, false).statusCode()).as("sent back without saying why").isEqualTo(400);
        assertThat(breach.sendBack(hhs, "Add the breach type, its location and the safeguards").statusCode()).isEqualTo(204);
        breach.prepare(hhs, Map.of("phiNoticeWhatHappened", "A portal setting showed lab results to other patients.",
                "phiNoticeWhatWeAreDoing", "We fixed the setting and audited access.", "noticeBreachType", "Unauthorized Access/Disclosure",
                "noticeBreachLocation", "Electronic Medical Record", "phiNoticeSafeguards", "Role-based access; quarterly review"));
        assertThat(breach.previewHtml(hhs, null).statusCode()).isEqualTo(200);
        assertThat(breach.approve(hhs, true).statusCode()).isEqualTo(204);
        assertThat(breach.recordDispatch(hhs, "HHS portal receipt 1").statusCode()).isEqualTo(204);
    }

    @Test
    void aNoticeThatLostItsFactsAfterTheApprovalCannotBeRecordedAsSent() throws Exception {
        var discovered = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);
        long incidentId = breach.report("Hosted EHR misconfiguration", discovered.minusDays(1), discovered, "{\"US-TX\": 12}");
        // We host Northwind Clinics' records as their business associate.
        assertThat(breach.upload(incidentId, northwindPatients(12, true)).statusCode()).isEqualTo(200);
        breach.investigateAndPlan(incidentId, Map.of("affectedCounts", "US-TX: 12", "role", "business_associate",
                "affectedCounterparties", "northwind-clinics"));
        long northwind = breach.obligation(incidentId, "contract:baa-northwind-clinics", "CONTRACT").path("id").asLong();
        breach.prepare(northwind, Map.of("phiNoticeWhatHappened", "An EHR setting exposed charts to another tenant.",
                "phiNoticeWhatWeAreDoing", "We fixed the setting and reviewed every tenant."));
        assertThat(breach.approve(northwind, true).statusCode()).isEqualTo(204);

        // The list is uploaded again without its counterparty column: the notice no longer has anyone to name.
        assertThat(breach.upload(incidentId, northwindPatients(12, false)).statusCode()).isEqualTo(200);
        assertThat(breach.previewHtml(northwind, null).statusCode()).isEqualTo(422);
        var refused = breach.recordDispatch(northwind, "Sent to privacy@northwind-clinics.example");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(BreachThroughRest.json.readTree(refused.body()).path("message").asText()).startsWith("The notice cannot be recorded as sent:"
                + " the notice to the covered entity or customer lacks the affected individuals, each by name");
        assertThat(refused.body()).doesNotContain("at org.", "Patient 1");
        assertThat(breach.openTask(northwind)).isEqualTo(NotificationObligationProcess.Task_RecordDispatch);

        // Corrected again: the dispatch is recorded.
        assertThat(breach.upload(incidentId, northwindPatients(12, true)).statusCode()).isEqualTo(200);
        assertThat(breach.previewHtml(northwind, null).statusCode()).isEqualTo(200);
        assertThat(breach.recordDispatch(northwind, "Sent to privacy@northwind-clinics.example").statusCode()).isEqualTo(204);
        assertThat(breach.obligation(incidentId, "contract:baa-northwind-clinics", "CONTRACT").path("status").asText()).startsWith("SENT");
    }

    static String northwindPatients(int count, boolean marked) {
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid" + (marked ? ",counterparty" : "") + "\n");
        for (int i = 1; i <= count; i++) {
            csv.append("Patient ").append(i).append(",").append(i).append(" Oak Street Dallas TX,,US-TX,true")
                    .append(marked ? ",northwind-clinics" : "").append('\n');
        }
        return csv.toString();
    }
}
