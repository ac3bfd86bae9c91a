package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jsoup.Jsoup;
import org.vigil.platform.VelocityTemplates;

/** Each document holds every element its rule requires, in HTML and in PDF; hostile values stay text. */
class DocumentRendererTest {

    private final DocumentRenderer renderer = new DocumentRenderer(VelocityTemplates.engine(List.of(DocumentRenderer.LAYOUT)), SampleFacts.COMPANY, ZoneId.of("America/Chicago"));

    @Test
    void theIndividualLetterHoldsEveryElementOf164404c() {
        String text = text(renderer.html(DocumentKind.INDIVIDUAL_NOTICE, SampleFacts.breach()));

        assertThat(text).contains("Maria Lopez", "12 Elm Street", "Austin, TX 78701")
                // (A) what happened, with the date of the breach and of its discovery
                .contains("A laptop holding patient charts was stolen", "March 1, 2026", "March 3, 2026")
                // (B) the types of unsecured PHI involved
                .contains("Names", "Dates of birth", "Diagnoses")
                // (C) steps individuals should take
                .contains("Review the statements you receive from your health insurer")
                // (D) what the entity is doing to investigate, mitigate and protect
                .contains("We reported the theft to the police")
                // (E) contact procedures: toll-free number, e-mail, web site, postal address
                .contains("1-800-555-0100", "privacy@riverside.example", "https://riverside.example/notice", "100 Main Street");
    }

    @Test
    void theSubstituteNoticeNamesItsNinetyDaysAndTheTollFreeNumber() {
        String text = text(renderer.html(DocumentKind.SUBSTITUTE_NOTICE, SampleFacts.breach()));
        assertThat(text).contains("90 days", "1-800-555-0100", "https://riverside.example/notice", "14 people", "March 1, 2026", "Diagnoses");
    }

    @Test
    void theHhsReportHoldsThePortalsFields() {
        String text = text(renderer.html(DocumentKind.HHS_REPORT, SampleFacts.breach()));
        assertThat(text).contains("Riverside Health Partners", "Healthcare provider", "Dana Reyes", "Breach start date", "March 1, 2026",
                "Discovery date", "March 3, 2026", "1200", "Theft", "Laptop", "Names, Dates of birth, Diagnoses",
                "Password protection", "Full-disk encryption on every device", "Breach occurred at or by a business associate", "No");
    }

    @Test
    void theGdprNotificationCoversArticle33ParagraphThreeAToD() {
        var facts = SampleFacts.breach();
        facts.put("delayReasons", "The affected systems were only identified after forensic imaging.");
        String text = text(renderer.html(DocumentKind.GDPR_AUTHORITY_NOTICE, facts));
        assertThat(text).contains("(a) Nature of the breach", "Patients", "1200", "Health data, Contact data", "3600",
                "(b) Data protection officer", "Dana Reyes", "privacy@riverside.example",
                "(c) Likely consequences", "identity theft", "(d) Measures taken or proposed", "Remote wipe",
                "Reasons for the delay (Article 33(1))", "forensic imaging", "March 3, 2026, 2:30 AM CST", "Berliner Beauftragte für Datenschutz");
    }

    @Test
    void aGdprNotificationAfterSeventyTwoHoursMustGiveTheReasonsForTheDelay() {
        var facts = SampleFacts.breach();
        facts.put("late", true);
        assertThatThrownBy(() -> renderer.html(DocumentKind.GDPR_AUTHORITY_NOTICE, facts))
                .hasMessage("Missing facts for gdpr-authority-notice: delayReasons");

        facts.put("delayReasons", "Forensic imaging took four days.");
        facts.put("phasedInformation", "The number of records follows once the backup is restored.");
        assertThat(text(renderer.html(DocumentKind.GDPR_AUTHORITY_NOTICE, facts))).contains("Reasons for the delay (Article 33(1))",
                "Forensic imaging took four days.", "Information to follow (Article 33(4))", "once the backup is restored");
        assertThat(renderer.missingFacts(DocumentKind.INDIVIDUAL_NOTICE, facts)).isEmpty();
    }

    @Test
    void theStateMediaAndBusinessAssociateNoticesNameTheirAudience() {
        assertThat(text(renderer.html(DocumentKind.STATE_AG_NOTICE, SampleFacts.breach())))
                .contains("Office of the Attorney General, Texas", "Residents of Texas affected", "700", "March 20, 2026");
        assertThat(text(renderer.html(DocumentKind.MEDIA_NOTICE, SampleFacts.breach())))
                .contains("notifies 700 residents of Texas", "1-800-555-0100", "March 3, 2026");
        assertThat(text(renderer.html(DocumentKind.BUSINESS_ASSOCIATE_NOTICE, SampleFacts.breach())))
                .contains("To: Lakeside Hospital", "164.410", "Individuals affected (2)", "Maria Lopez", "John Smith", "US-IL");
        assertThat(text(renderer.html(DocumentKind.ALTERNATIVE_NOTICE, SampleFacts.breach())))
                .contains("14 people", "telephone", "1-800-555-0100");
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyDocumentRendersToAPdfWithItsText(DocumentKind kind) throws IOException {
        byte[] pdf = renderer.pdf(renderer.html(kind, SampleFacts.breach()));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(pdfText(pdf)).contains("Riverside Health Partners");
    }

    @Test
    void namesBeyondLatinOneSurviveInThePdf() throws IOException {
        var facts = SampleFacts.breach();
        facts.put("recipient", Map.of("name", "Zoë Ødegård-Łukasiewicz", "postalAddress", "Straße 5\n10115 Berlin"));
        assertThat(pdfText(renderer.pdf(renderer.html(DocumentKind.INDIVIDUAL_NOTICE, facts)))).contains("Zoë Ødegård-Łukasiewicz", "Straße 5");
    }

    @Test
    void aPersonListedWithAnEmailOnlyIsAddressedByEmail() {
        var facts = SampleFacts.breach();
        facts.put("recipient", Map.of("name", "Ann Lee", "postalAddress", "", "email", "ann@example.com"));

        assertThat(renderer.missingFacts(DocumentKind.INDIVIDUAL_NOTICE, facts)).isEmpty();
        assertThat(text(renderer.html(DocumentKind.INDIVIDUAL_NOTICE, facts))).contains("Ann Lee By e-mail to ann@example.com", "Dear Ann Lee,");
    }

    @Test
    void hostileValuesAreRenderedAsTextNeverAsMarkupOrTemplateCode() throws IOException {
        var facts = SampleFacts.breach();
        facts.put("recipient", Map.of("name", "<script>alert(1)</script>", "postalAddress", "$class.forName('java.lang.Runtime')"));
        facts.put("whatHappened", "#set($x = 1)${x} </p><img src=x onerror=alert(2)> & \"quoted\"");
        facts.put("phiTypes", List.of("<b>bold</b>", "#foreach($i in [1..3])$i#end"));

        String html = renderer.html(DocumentKind.INDIVIDUAL_NOTICE, facts);
        assertThat(html).doesNotContain("<script>", "<img src=x", "<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;");
        String text = text(html);
        assertThat(text).contains("<script>alert(1)</script>", "$class.forName('java.lang.Runtime')", "#set($x = 1)${x}",
                "#foreach($i in [1..3])$i#end", "<b>bold</b>");
        assertThat(Jsoup.parse(html).select("script, img[onerror], b")).isEmpty();
        assertThat(pdfText(renderer.pdf(html))).contains("<script>alert(1)</script>", "$class.forName");
    }

    @Test
    void missingFactsFailTheRenderNamingEachOfThem() {
        var facts = SampleFacts.breach();
        facts.remove("breachDate");
        facts.put("stepsForIndividuals", "  ");
        facts.put("phiTypes", List.of());
        facts.put("recipient", Map.of("name", "Maria Lopez"));
        var withoutPhone = new DocumentRenderer(VelocityTemplates.engine(List.of(DocumentRenderer.LAYOUT)), new CompanyFacts("Riverside", "1 Main St", null, "p@r.example", null, null, null), ZoneId.of("UTC"));

        assertThatThrownBy(() -> withoutPhone.html(DocumentKind.INDIVIDUAL_NOTICE, facts))
                .isInstanceOf(MissingFactsException.class)
                .hasMessage("Missing facts for individual-notice: company.tollFreePhone, recipient.postalAddress or recipient.email, breachDate,"
                        + " phiTypes, stepsForIndividuals");
        assertThat(withoutPhone.missingFacts(DocumentKind.HHS_REPORT, new HashMap<>())).contains("company.privacyOfficer", "breachType");
    }

    private static String text(String html) {
        return Jsoup.parse(html).text();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
