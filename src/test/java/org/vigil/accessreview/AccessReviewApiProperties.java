package org.vigil.accessreview;

import static org.vigil.RunningVigil.assertNoServerErrorAndProblemOnRefusal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.vigil.MalformedInput;
import org.vigil.RunningVigil;
import org.vigil.VigilSpringTest;

/**
 * The access-review API fed malformed and oversized input by the users entitled to each call: never a 5xx, every
 * refusal a problem body. Bodies are always wrong somewhere, so no campaign starts and no register entry changes.
 */
@VigilSpringTest
class AccessReviewApiProperties {

    static RunningVigil vigil;

    @BeforeContainer
    static void start() {
        vigil = RunningVigil.of(AccessReviewApiProperties.class);
    }

    @Property(tries = 60)
    void importingASnapshot(@ForAll("snapshots") byte[] body, @ForAll("snapshotTypes") String contentType, @ForAll("kinds") String kind) {
        check(vigil.send("sysadmin", "POST", "/api/access-reviews/snapshots?kind=" + URLEncoder.encode(kind, StandardCharsets.UTF_8),
                contentType, body));
    }

    @Property(tries = 50)
    void editingTheRegister(@ForAll("systemIds") String id, @ForAll("systems") String body, @ForAll("json") String contentType) {
        check(vigil.send("ciso", "PUT", "/api/access-reviews/systems/" + id, contentType, utf8(body)));
    }

    @Property(tries = 50)
    void startingACampaign(@ForAll("starts") String body, @ForAll("json") String contentType) {
        check(vigil.send("manager", "POST", "/api/access-reviews/campaigns", contentType, utf8(body)));
    }

    @Property(tries = 50)
    void decidingOnItems(@ForAll("ids") String id, @ForAll("decisions") String body, @ForAll("json") String contentType) {
        check(vigil.send("manager", "POST", "/api/access-reviews/campaigns/" + id + "/decisions", contentType, utf8(body)));
    }

    @Property(tries = 40)
    void readingCampaigns(@ForAll("ids") String id, @ForAll("readPaths") String path, @ForAll("params") String value) {
        String query = "?reviewer=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&download=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        check(vigil.send("auditor", "GET", "/api/access-reviews/campaigns/" + id + path + query, null, null));
    }

    private static void check(java.net.http.HttpResponse<String> response) {
        assertNoServerErrorAndProblemOnRefusal(response);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<byte[]> snapshots() {
        return Arbitraries.oneOf(MalformedInput.fileContent(SnapshotParser.ENTITLEMENT_FIELDS),
                MalformedInput.fileContent(SnapshotParser.ROSTER_FIELDS),
                MalformedInput.jsonBody(SnapshotParser.ENTITLEMENT_FIELDS).map(row -> utf8("[" + row + "]")),
                MalformedInput.jsonBody(List.of("rows")).map(AccessReviewApiProperties::utf8));
    }

    @Provide
    Arbitrary<String> snapshotTypes() {
        return Arbitraries.oneOf(MalformedInput.contentType("text/csv"), Arbitraries.just("application/json"));
    }

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.oneOf(Arbitraries.of("entitlements", "roster"), Arbitraries.strings().ofMaxLength(20), Arbitraries.just("k".repeat(5000)));
    }

    @Provide
    Arbitrary<String> systemIds() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10), Arbitraries.just("s".repeat(300)),
                MalformedInput.pathId());
    }

    /** A system with at least one field of the wrong type or over its column. */
    @Provide
    Arbitrary<String> systems() {
        var wrong = Arbitraries.oneOf(MalformedInput.hugeString().map(MalformedInput::quoted), Arbitraries.of("1", "[]", "{}", "true"));
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(Arbitraries.of("id", "name", "owner", "deputy", "classification"), wrong)
                        .as((field, value) -> "{\"name\": \"EHR\", \"owner\": \"ciso\", \"classification\": \"PHI\", \"" + field + "\": " + value + "}"),
                MalformedInput.jsonBody(List.of("name", "owner", "deputy", "classification")).filter(body -> !body.contains("\"owner\": \"")));
    }

    /** Start requests that name a system the register does not hold, or are malformed. */
    @Provide
    Arbitrary<String> starts() {
        return Arbitraries.oneOf(
                MalformedInput.jsonValue().map(value -> "{\"changesOnly\": " + value + ", \"systems\": [\"no-such-system-x\"]}"),
                MalformedInput.jsonValue().filter(value -> !value.equals("null") && !value.equals("[]"))
                        .map(value -> "{\"changesOnly\": true, \"systems\": " + value + "}"),
                MalformedInput.hugeList().map(list -> "{\"systems\": " + list + "}"),
                Arbitraries.strings().ofMaxLength(100).filter(text -> !text.isBlank()));
    }

    @Provide
    Arbitrary<String> decisions() {
        return Arbitraries.oneOf(MalformedInput.jsonBody(List.of("decisions", "bulk")),
                MalformedInput.jsonValue().map(value -> "{\"decisions\": [{\"item\": " + value + ", \"decision\": \"keep\"}]}"),
                MalformedInput.jsonValue().map(value -> "{\"bulk\": {\"decision\": " + value + ", \"reason\": " + value + ", \"scope\": " + value + "}}"));
    }

    @Provide
    Arbitrary<String> json() {
        return MalformedInput.contentType("application/json");
    }

    @Provide
    Arbitrary<String> ids() {
        return MalformedInput.pathId();
    }

    @Provide
    Arbitrary<String> readPaths() {
        return Arbitraries.of("", "/items", "/report");
    }

    @Provide
    Arbitrary<String> params() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20), Arbitraries.just("r".repeat(3000)), Arbitraries.of("true", "maybe"));
    }
}
