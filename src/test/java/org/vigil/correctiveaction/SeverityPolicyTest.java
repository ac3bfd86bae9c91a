package org.vigil.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** seeds/correctiveaction/severity-policy.yaml as shipped, and the start it refuses when an entry is wrong. */
class SeverityPolicyTest {

    static SeverityPolicy.Terms terms(String due, String remindBefore) {
        return new SeverityPolicy.Terms(Period.parse(due), Period.parse("P5D"), Period.parse(remindBefore), Period.parse("P30D"), Period.parse("P10D"));
    }

    @Test
    void theShippedPolicyGivesMajorThirtyMinorNinetyAndImprovementHundredEightyDays() {
        var policy = new SeverityPolicy();
        assertThat(policy.of("major").due()).isEqualTo(Period.ofDays(30));
        assertThat(policy.of("minor").due()).isEqualTo(Period.ofDays(90));
        assertThat(policy.of("improvement").due()).isEqualTo(Period.ofDays(180));
        assertThat(policy.of("major").effectivenessAfter()).isEqualTo(Period.ofDays(30));
        assertThat(policy.of("minor").effectivenessAfter()).isEqualTo(Period.ofDays(60));
        assertThatThrownBy(() -> policy.of("critical")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("severity:");
    }

    @Test
    void aMissingSeverityOrAReminderNoShorterThanTheDueDateFailsTheStartNamingTheEntry() {
        Map<String, SeverityPolicy.Terms> missing = new HashMap<>(Map.of("major", terms("P30D", "P7D"), "minor", terms("P90D", "P14D")));
        assertThatThrownBy(() -> new SeverityPolicy(new SeverityPolicy.Seed(missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("seeds/correctiveaction/severity-policy.yaml: severities.improvement is missing");

        var tooLate = Map.of("major", terms("P30D", "P30D"), "minor", terms("P90D", "P14D"), "improvement", terms("P180D", "P14D"));
        assertThatThrownBy(() -> new SeverityPolicy(new SeverityPolicy.Seed(tooLate)))
                .hasMessage("seeds/correctiveaction/severity-policy.yaml: severities.major.remindBefore must be shorter than due");

        var unknown = new HashMap<>(Map.of("major", terms("P30D", "P7D"), "minor", terms("P90D", "P14D"), "improvement", terms("P180D", "P14D")));
        unknown.put("critical", terms("P1D", "P0D"));
        assertThatThrownBy(() -> new SeverityPolicy(new SeverityPolicy.Seed(unknown)))
                .hasMessageContaining("severities.critical is not a severity");
    }
}
