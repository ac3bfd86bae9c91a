package org.vigil.regulation;

import static org.vigil.RunningVigil.assertNoServerErrorAndProblemOnRefusal;

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

/** {@code POST /api/notification-plans} fed malformed and oversized requests: never a 5xx, every refusal a problem body. */
@VigilSpringTest
class NotificationPlanApiProperties {

    static final List<String> FIELDS = List.of("discoveredAt", "firstKnownToWorkforceAt", "entityTimezone", "role", "affectedCounts",
            "dataElements", "contactInfoOutOfDateCount", "lawEnforcementDelay", "encryptedNistSafeHarbor", "encryptionKeyCompromised",
            "riskAssessmentConclusion", "hipaaBreachException", "stateDeterminationAt", "businessAssociate", "gdpr", "entityFlags",
            "sentNotices");

    static RunningVigil vigil;

    @BeforeContainer
    static void start() {
        vigil = RunningVigil.of(NotificationPlanApiProperties.class);
    }

    @Property(tries = 80)
    void planningFromAMalformedRequest(@ForAll("requests") String body, @ForAll("json") String contentType) {
        assertNoServerErrorAndProblemOnRefusal(vigil.send("staff", "POST", "/api/notification-plans", contentType,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The contract's example with one field replaced, so that each value reaches the checks behind the others. */
    @Property(tries = 80)
    void planningWithOneWrongField(@ForAll("fields") String field, @ForAll("values") String value) {
        String body = NotificationPlanApiIT.EXAMPLE.replaceFirst("\"" + field + "\": [^,}]*(\\{[^}]*\\})?",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + value));
        assertNoServerErrorAndProblemOnRefusal(vigil.send("staff", "POST", "/api/notification-plans", "application/json",
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> requests() {
        return MalformedInput.jsonBody(FIELDS);
    }

    @Provide
    Arbitrary<String> json() {
        return MalformedInput.contentType("application/json");
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(FIELDS);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(MalformedInput.jsonValue(), Arbitraries.of(
                "{\"form\": \"written\", \"statementAt\": \"2026-03-05T09:00:00-06:00\", \"requestedDurationDays\": 2147483647}",
                "{\"regime\": \"GDPR\", \"role\": \"controller\", \"awarenessAt\": \"+10000-01-01T00:00:00Z\"}",
                "{\"discoveredAt\": \"-0001-01-01T00:00:00Z\", \"notifiedCoveredEntityAt\": null, \"agentOfCoveredEntity\": false}",
                "[{\"recipient\": \"individuals\", \"jurisdiction\": \"US-TX\", \"sentAt\": \"+999999999-12-31T23:59:59Z\"}]",
                "{\"US-TX\": 2147483647, \"US-CA\": 2147483647}", "{\"" + "K".repeat(10_000) + "\": 1}"));
    }
}
