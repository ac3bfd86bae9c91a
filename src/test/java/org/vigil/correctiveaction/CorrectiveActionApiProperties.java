package org.vigil.correctiveaction;

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
 * The corrective-action API fed malformed and oversized input by the users entitled to each call: never a 5xx, every
 * refusal a problem body. A raise body never names a valid severity, so no action is raised.
 */
@VigilSpringTest
class CorrectiveActionApiProperties {

    static RunningVigil vigil;

    @BeforeContainer
    static void start() {
        vigil = RunningVigil.of(CorrectiveActionApiProperties.class);
    }

    @Property(tries = 60)
    void raisingAnAction(@ForAll("raises") String body, @ForAll("json") String contentType) {
        assertNoServerErrorAndProblemOnRefusal(vigil.send("ciso", "POST", "/api/corrective-actions", contentType,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 40)
    void readingActions(@ForAll("ids") String id, @ForAll("params") String sourceType, @ForAll("params") String prefix) {
        assertNoServerErrorAndProblemOnRefusal(vigil.send("auditor", "GET", "/api/corrective-actions/" + id, null, null));
        assertNoServerErrorAndProblemOnRefusal(vigil.send("staff", "GET", "/api/corrective-actions?sourceType="
                + URLEncoder.encode(sourceType, StandardCharsets.UTF_8) + "&referencePrefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8),
                null, null));
    }

    @Provide
    Arbitrary<String> raises() {
        return Arbitraries.oneOf(MalformedInput.jsonBody(List.of("severity", "ownerGroup", "description", "repeatOf")),
                MalformedInput.jsonValue().map(value -> "{\"severity\": " + value + ", \"ownerGroup\": \"it-operations\", \"description\": \"x\"}"),
                MalformedInput.jsonValue().map(value -> "{\"severity\": \"critical\", \"ownerGroup\": " + value + ", \"description\": " + value
                        + ", \"repeatOf\": " + value + "}"));
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
    Arbitrary<String> params() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20), Arbitraries.just("r".repeat(3000)),
                Arbitraries.of("MANUAL", "AUDIT_FINDING", "%", "_", "\\", "incident:"));
    }
}
