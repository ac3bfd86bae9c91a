package org.vigil.breach;

import static org.vigil.RunningVigil.assertNoServerErrorAndProblemOnRefusal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.vigil.MalformedInput;
import org.vigil.Multipart;
import org.vigil.RunningVigil;
import org.vigil.VigilSpringTest;

/**
 * Every breach endpoint, fed malformed and oversized input by an authorised demo user: never a 5xx, and every
 * refusal with a problem body (issue 12, item 5).
 */
@VigilSpringTest
class BreachApiProperties {

    static final List<String> REPORT_FIELDS = List.of("externalReference", "title", "description", "occurredAt", "discoveredAt",
            "discoveredBy", "systemsInvolved", "dataCategories", "affectedEstimate");
    static final List<String> FACT_FIELDS = List.of("affectedCounts", "firstKnownToWorkforceAt", "determinationAt", "contactInfoOutOfDateCount");
    static final List<String> CSV_COLUMNS = List.of("name", "postal_address", "email", "jurisdiction", "contact_valid");

    static RunningVigil vigil;
    static long incidentId;

    @BeforeContainer
    static void start() throws Exception {
        vigil = RunningVigil.of(BreachApiProperties.class);
        var created = vigil.send("privacy", "POST", "/api/incidents", "application/json", """
                {"externalReference": "properties-%s", "title": "Property target", "discoveredAt": "2026-03-02T10:15:00-06:00"}"""
                .formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        incidentId = new ObjectMapper().readTree(created.body()).path("id").asLong();
    }

    @Property(tries = 60)
    void reportingAnIncident(@ForAll("reports") String body, @ForAll("json") String contentType) {
        check(vigil.send("staff", "POST", "/api/incidents", contentType, utf8(body)));
    }

    @Property(tries = 40)
    void showingAnIncident(@ForAll("ids") String id) {
        check(vigil.send("staff", "GET", "/api/incidents/" + id, null, null));
    }

    @Property(tries = 60)
    void recordingFacts(@ForAll("facts") String body, @ForAll("json") String contentType, @ForAll("incidents") String id) {
        check(vigil.send("privacy", "POST", "/api/incidents/" + id + "/facts", contentType, utf8(body)));
    }

    @Property(tries = 30)
    void planningAgain(@ForAll("incidents") String id, @ForAll("bodies") String body) {
        check(vigil.send("privacy", "POST", "/api/incidents/" + id + "/replan", "application/json", utf8(body)));
    }

    @Property(tries = 50)
    void attachingEvidence(@ForAll("incidents") String id, @ForAll("files") byte[] content, @ForAll("names") String fileName,
            @ForAll("texts") String note, @ForAll("ids") String obligationId, @ForAll("partTypes") String partType) {
        var form = new Multipart().file("file", fileName, partType, content).field("note", note).field("obligationId", obligationId);
        check(vigil.send("sysadmin", "POST", "/api/incidents/" + id + "/evidence", form.contentType(), form.bytes()));
    }

    @Property(tries = 50)
    void uploadingTheAffectedAsTheBody(@ForAll("incidents") String id, @ForAll("files") byte[] csv, @ForAll("csv") String contentType) {
        check(vigil.send("privacy", "POST", "/api/incidents/" + id + "/affected-individuals", contentType, csv));
    }

    @Property(tries = 40)
    void uploadingTheAffectedAsAFile(@ForAll("incidents") String id, @ForAll("files") byte[] csv, @ForAll("names") String fileName) {
        var form = new Multipart().file("file", fileName, "text/csv", csv);
        check(vigil.send("privacy", "POST", "/api/incidents/" + id + "/affected-individuals", form.contentType(), form.bytes()));
    }

    @Property(tries = 40)
    void readingTheNoticeOfAnObligation(@ForAll("ids") String id, @ForAll("texts") String format, @ForAll("texts") String kind,
            @ForAll("noticePaths") String path) {
        check(vigil.send("privacy", "GET", "/api/obligations/" + id + path + "?format=" + encode(format) + "&kind=" + encode(kind), null, null));
    }

    @Property(tries = 30)
    void startingTheLettersOfAnObligation(@ForAll("ids") String id, @ForAll("bodies") String body) {
        check(vigil.send("privacy", "POST", "/api/obligations/" + id + "/letters", "application/json", utf8(body)));
    }

    private static void check(java.net.http.HttpResponse<String> response) {
        assertNoServerErrorAndProblemOnRefusal(response);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> reports() {
        return MalformedInput.jsonBody(REPORT_FIELDS);
    }

    @Provide
    Arbitrary<String> facts() {
        return MalformedInput.jsonBody(FACT_FIELDS);
    }

    @Provide
    Arbitrary<String> bodies() {
        return MalformedInput.jsonBody(List.of("anything", "affectedCounts"));
    }

    @Provide
    Arbitrary<String> json() {
        return MalformedInput.contentType("application/json");
    }

    @Provide
    Arbitrary<String> csv() {
        return MalformedInput.contentType("text/csv");
    }

    @Provide
    Arbitrary<String> partTypes() {
        return Arbitraries.of("text/plain", "application/pdf", "x".repeat(300), "image/png; name=" + "n".repeat(500));
    }

    @Provide
    Arbitrary<String> ids() {
        return MalformedInput.pathId();
    }

    /** Mostly the property's own incident, so that bodies reach the checks behind the incident's lookup. */
    @Provide
    Arbitrary<String> incidents() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(String.valueOf(incidentId))),
                Tuple.of(1, MalformedInput.pathId()));
    }

    @Provide
    Arbitrary<byte[]> files() {
        return MalformedInput.fileContent(CSV_COLUMNS);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30), Arbitraries.just("n".repeat(400)),
                Arbitraries.of("../../etc/passwd", "people.csv", "\u20ac.csv"));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30), Arbitraries.of("html", "pdf", "individual-notice"),
                Arbitraries.just("t".repeat(20_000)));
    }

    @Provide
    Arbitrary<String> noticePaths() {
        return Arbitraries.of("/notice", "/notice/missing-facts", "/letters", "/letters/archive");
    }
}
