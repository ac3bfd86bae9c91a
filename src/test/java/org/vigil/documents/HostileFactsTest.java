package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.velocity.VelocityContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.vigil.platform.VelocityTemplates;

/**
 * Every text fact of every document, the company's included, set to markup and template code: it prints as the
 * same text in HTML and PDF, never as an element, a directive or a method call.
 */
class HostileFactsTest {

    private static final String PAYLOAD = "<script>alert(1)</script> $class.forName('java.lang.Runtime') #set($x = 1)${x}"
            + " #parse('/etc/passwd') <img src=x onerror=alert(2)> &amp; \"q\"";
    private static final Pattern MARKER = Pattern.compile("F\\d+ ");

    private final Map<String, List<String>> valuesByPath = new LinkedHashMap<>();
    private int next;

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyTextFactPrintsAsTextInHtmlAndPdf(DocumentKind kind) throws IOException {
        var company = new CompanyFacts(hostile("company.name"), hostile("company.address"), hostile("company.tollFreePhone"),
                hostile("company.email"), hostile("company.website"), hostile("company.privacyOfficer"), "documents/demo-logo.png");
        var renderer = new DocumentRenderer(VelocityTemplates.engine(List.of(DocumentRenderer.LAYOUT)), company, ZoneId.of("America/Chicago"));
        @SuppressWarnings("unchecked")
        var facts = (Map<String, Object>) hostile("", SampleFacts.breach());
        facts.put("delayReasons", hostile("delayReasons"));
        facts.put("phasedInformation", hostile("phasedInformation"));
        facts.put("agOffice", hostile("agOffice"));
        facts.put("businessAssociateName", hostile("businessAssociateName"));

        String html = renderer.html(kind, facts);
        var page = Jsoup.parse(html);
        assertThat(page.select("script, img[onerror], [onerror]")).isEmpty();
        assertThat(html).doesNotContain("<script>", "<img src=x");
        String text = page.text();
        String pdfText = pdfText(renderer.pdf(html));

        // Every value printed is printed whole, as text.
        assertThat(MARKER.splitAsStream(text).skip(1)).allSatisfy(printed -> assertThat(printed).startsWith(PAYLOAD));
        // The PDF holds the same values: each marker, and each piece of the payload as often as the HTML's text.
        // (Its text comes line by line, so a value wrapped in a table cell may be interleaved with its neighbour's.)
        assertThat(markers(pdfText)).isEqualTo(markers(text)).isNotEmpty();
        for (String piece : List.of("<script>", "alert(1)", "</script>", "$class.forName", "#set", "${x}", "#parse", "onerror", "&amp;")) {
            assertThat(count(pdfText.replaceAll("\\s+", ""), piece)).as(piece).isEqualTo(count(text, piece)).isEqualTo(markers(text).size());
        }
        // And every fact the document requires is among them.
        for (String required : kind.requiredFacts()) {
            for (String value : valuesByPath.getOrDefault(required.split("\\|")[0], List.of())) {
                assertThat(text).as(required).contains(value);
                assertThat(markers(pdfText)).as(required + " in the PDF").contains(value.substring(0, value.indexOf(' ')));
            }
        }
    }

    @Test
    void templatesCannotReachClassesOrFilesOutsideTheirFolder() {
        var engine = new DocumentRenderer(VelocityTemplates.engine(List.of(DocumentRenderer.LAYOUT)), SampleFacts.COMPANY, ZoneId.of("UTC")).engine();
        var context = new VelocityContext(new HashMap<>(Map.of("name", "Maria")));

        assertThatThrownBy(() -> engine.evaluate(context, new java.io.StringWriter(), "probe",
                "$name.getClass().forName('java.lang.Runtime')")).isInstanceOf(org.apache.velocity.exception.VelocityException.class);
        // A #parse or #include outside templates/documents/ is dropped: nothing of the file is printed.
        var out = new java.io.StringWriter();
        engine.evaluate(context, out, "probe", "[#parse('application.yaml')][#include('templates/documents/../../application.yaml')]");
        assertThat(out).hasToString("[][]");
        assertThat(new TemplatesOnlyIncludeHandler().includeEvent(context, "templates/documents/layout.vm", "x", "parse"))
                .isEqualTo("templates/documents/layout.vm");
        assertThat(new TemplatesOnlyIncludeHandler().includeEvent(context, "templates/documents/../../application.yaml", "x", "parse")).isNull();
        assertThat(new TemplatesOnlyIncludeHandler().includeEvent(context, "/etc/passwd", "x", "include")).isNull();
    }

    private Object hostile(String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            var result = new HashMap<String, Object>();
            map.forEach((key, inner) -> result.put(String.valueOf(key), hostile(path.isEmpty() ? String.valueOf(key) : path + "." + key, inner)));
            return result;
        }
        if (value instanceof Collection<?> values) {
            var result = new ArrayList<Object>();
            values.forEach(inner -> result.add(hostile(path, inner)));
            return result;
        }
        return value instanceof String ? hostile(path) : value;
    }

    private String hostile(String path) {
        String value = "F" + (++next) + " " + PAYLOAD;
        valuesByPath.computeIfAbsent(path, key -> new ArrayList<>()).add(value);
        return value;
    }

    private static List<String> markers(String text) {
        return Pattern.compile("F\\d+(?= )").matcher(text).results().map(match -> match.group()).sorted().toList();
    }

    private static int count(String text, String piece) {
        int count = 0;
        for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length())) {
            count++;
        }
        return count;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
