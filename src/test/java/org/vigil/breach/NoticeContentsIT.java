package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.vigil.VigilSpringTest;

/**
 * Issue 13, point 6, "each notice says what its law asks": 935 people, 920 of them in Texas and 15 in Germany. Each
 * regulator's notice counts its own jurisdiction's people, the German residents get a GDPR Art. 34 communication, and
 * each letter gives the discovery date its own law counts from. As the privacy officer sees the documents: rendered
 * HTML, the PDF's text, and the letters of the print file.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class NoticeContentsIT {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    @Value("${vigil.company.zone}") ZoneId zone;

    BreachThroughRest breach;

    @BeforeEach
    void client(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void eachNoticeCountsItsOwnJurisdictionAndGermanResidentsGetAnArticle34CommunicationDatedAsTheirLawCounts() throws Exception {
        var discovered = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
        // A nurse saw the exposed records the day before the privacy office logged the incident.
        var firstKnown = discovered.minusDays(1);
        long incidentId = breach.report("Exposed cloud bucket", discovered.minusDays(3), discovered, "{\"US-TX\": 920, \"EU-DE\": 15}");
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\n");
        for (int i = 1; i <= 920; i++) {
            csv.append("Texan ").append(i).append(",").append(i).append(" Elm Street Austin TX,,US-TX,true\n");
        }
        csv.append("Greta Vogel,,greta.vogel@example.de,EU-DE,true\n");
        for (int i = 2; i <= 15; i++) {
            csv.append("Hans Becker ").append(i).append(",\"Hauptstrasse ").append(i).append("\n10115 Berlin\",,EU-DE,true\n");
        }
        assertThat(breach.upload(incidentId, csv.toString()).statusCode()).isEqualTo(200);
        breach.investigateAndPlan(incidentId, Map.of("affectedCounts", "US-TX: 920, EU-DE: 15", "role", "covered_entity",
                "firstKnownToWorkforceAt", firstKnown.toString(), "gdprApplies", true, "gdprRegime", "GDPR", "gdprRole", "controller",
                "gdprRiskLevel", "high"));
        Map<String, Object> text = Map.of("phiNoticeWhatHappened", "A storage bucket with appointment records was public for two days.",
                "phiNoticeSteps", "Be wary of calls asking for your appointment details.",
                "phiNoticeWhatWeAreDoing", "We closed the bucket, checked its access logs and reviewed every other bucket.",
                "phiNoticeConsequences", "Someone could learn that you had an appointment with us and for which treatment.",
                "noticeBreachType", "Unauthorized Access/Disclosure", "noticeBreachLocation", "Network Server",
                "phiNoticeSafeguards", "Bucket policies reviewed yearly");

        // The German supervisory authority: Germany's 15 data subjects, not all 935 people.
        long authority = breach.obligation(incidentId, "G1", "EU-DE").path("id").asLong();
        breach.prepare(authority, text);
        var authorityHtml = breach.previewHtml(authority, null);
        assertThat(authorityHtml.statusCode()).as(authorityHtml.body()).isEqualTo(200);
        assertThat(field(authorityHtml.body(), "Approximate number of data subjects")).isEqualTo("15");
        assertThat(field(authorityHtml.body(), "Approximate number of records")).isEqualTo("15");
        String authorityPdf = breach.previewPdfText(authority, null);
        assertThat(BreachThroughRest.hasRow(authorityPdf, "Approximate number of data subjects", "15")).as(authorityPdf).isTrue();
        assertThat(authorityPdf).doesNotContain("935");

        // HHS and the Texas media and attorney general: the 920 US residents, the 920 Texans.
        long hhs = breach.obligation(incidentId, "H10", "US").path("id").asLong();
        breach.prepare(hhs, text);
        assertThat(field(breach.previewHtml(hhs, null).body(), "Approximate number of individuals affected")).isEqualTo("920");
        String hhsPdf = breach.previewPdfText(hhs, null);
        assertThat(BreachThroughRest.hasRow(hhsPdf, "Approximate number of individuals affected", "920")).as(hhsPdf).isTrue();
        assertThat(hhsPdf).doesNotContain("935");
        long attorneyGeneral = breach.obligation(incidentId, "TX-AG", "US-TX").path("id").asLong();
        breach.prepare(attorneyGeneral, text);
        assertThat(field(breach.previewHtml(attorneyGeneral, null).body(), "Residents of Texas affected")).isEqualTo("920");

        // The HIPAA letter counts from the first day the workforce knew; the Texas letter, without a determination date, from discovery.
        String firstKnownDay = DATE.format(firstKnown.atZoneSameInstant(zone));
        String discoveryDay = DATE.format(discovered.atZoneSameInstant(zone));
        long hipaaLetters = breach.obligation(incidentId, "H6", "US").path("id").asLong();
        breach.prepare(hipaaLetters, text);
        assertThat(BreachThroughRest.htmlText(breach.previewHtml(hipaaLetters, null).body())).contains("We discovered it on " + firstKnownDay + ".");
        assertThat(breach.previewPdfText(hipaaLetters, null)).contains("We discovered it on " + firstKnownDay + ".");
        long texasLetters = breach.obligation(incidentId, "TX-INDIVIDUALS", "US-TX").path("id").asLong();
        breach.prepare(texasLetters, text);
        assertThat(breach.previewPdfText(texasLetters, null)).contains("We discovered it on " + discoveryDay + ".");

        // The data subjects in Germany: an Art. 34 communication in plain language, to the first German on the list.
        long dataSubjects = breach.obligation(incidentId, "G5", "EU-DE").path("id").asLong();
        breach.prepare(dataSubjects, text);
        var communication = breach.previewHtml(dataSubjects, null);
        assertThat(communication.statusCode()).as(communication.body()).isEqualTo(200);
        for (String shown : new String[] {BreachThroughRest.htmlText(communication.body()), breach.previewPdfText(dataSubjects, null)}) {
            assertThat(shown).contains("Dear Greta Vogel,", "By e-mail to greta.vogel@example.de",
                    "What happened", "A storage bucket with appointment records was public for two days.",
                    "We became aware of it on " + discoveryDay + ".",
                    "What this may mean for you", "Someone could learn that you had an appointment with us",
                    "What we have done and will do", "We closed the bucket, checked its access logs",
                    "Be wary of calls asking for your appointment details.",
                    "Dana Reyes", "privacy@riverside.example", "Article 34 of the General Data Protection Regulation")
                    .doesNotContain("45 CFR", "Texan 1", "health information");
        }

        // Approved: one letter per German resident on the list, each an Art. 34 communication.
        assertThat(breach.approve(dataSubjects, true).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).until(() -> BreachThroughRest.json.readTree(
                breach.privacy.get("/api/obligations/" + dataSubjects + "/letters").body()).path("status").asText().equals("DONE"));
        assertThat(BreachThroughRest.json.readTree(breach.privacy.get("/api/obligations/" + dataSubjects + "/letters").body())
                .path("total").asInt()).isEqualTo(15);
        var archive = breach.privacy.getBytes("/api/obligations/" + dataSubjects + "/letters/archive");
        assertThat(archive.statusCode()).isEqualTo(200);
        var letters = new ArrayList<String>();
        String manifest = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("manifest.csv")) {
                    manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else {
                    letters.add(BreachThroughRest.pdfText(zip.readAllBytes()));
                }
            }
        }
        assertThat(letters).hasSize(15).allSatisfy(letter -> assertThat(letter)
                .contains("What this may mean for you", "Someone could learn that you had an appointment with us", "Article 34")
                .doesNotContain("45 CFR"));
        assertThat(letters.get(1)).contains("Dear Hans Becker 2,", "Hauptstrasse 2");
        assertThat(manifest).contains("Greta Vogel", "Hans Becker 15").doesNotContain("Texan");
    }

    /** The value beside a row heading of a document's table. */
    private static String field(String html, String heading) {
        var row = Jsoup.parse(html).select("tr").stream().filter(tr -> tr.select("th").text().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + heading + " in " + Jsoup.parse(html).text()));
        return row.select("td").text();
    }
}
