package org.vigil.sla;

import static org.vigil.RunningVigil.assertNoServerErrorAndProblemOnRefusal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.vigil.MalformedInput;
import org.vigil.RunningVigil;
import org.vigil.VigilSpringTest;

/** The SLA API fed malformed parameters and bodies by a manager: never a 5xx, every refusal a problem body. */
@VigilSpringTest
class SlaApiProperties {

    static RunningVigil vigil;

    @BeforeContainer
    static void start() {
        vigil = RunningVigil.of(SlaApiProperties.class);
    }

    @Property(tries = 60)
    void readingTheDashboardWithMalformedParameters(@ForAll("paths") String path, @ForAll("days") String days,
            @ForAll("methods") String method) {
        byte[] body = method.equals("GET") ? null : "{\"days\": [".repeat(10).getBytes(StandardCharsets.UTF_8);
        assertNoServerErrorAndProblemOnRefusal(vigil.send("manager", method, path + "?days=" + URLEncoder.encode(days, StandardCharsets.UTF_8),
                method.equals("GET") ? null : "application/json", body));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/api/sla/summary", "/api/sla/overdue", "/api/sla/at-risk", "/api/sla/overdue.csv", "/api/sla/at-risk.csv",
                "/api/sla/summary.csv", "/api/sla/response-times.csv");
    }

    @Provide
    Arbitrary<String> days() {
        return Arbitraries.oneOf(MalformedInput.pathId(), Arbitraries.of("2147483648", "-2147483648", "7", ""),
                Arbitraries.strings().ofMaxLength(50));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just("GET")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("POST", "PUT", "DELETE", "PATCH")));
    }
}
