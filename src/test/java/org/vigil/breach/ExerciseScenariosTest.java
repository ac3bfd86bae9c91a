package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The scenario library of seeds/breach/exercises: what ships loads, and a scenario the intake would refuse stops the start by name. */
class ExerciseScenariosTest {

    static final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void theShippedScenariosLoadAndReportTheirIncidentCountedBackFromTheStart() {
        var scenarios = new ExerciseScenarios(validator, new ObjectMapper());
        assertThat(scenarios.all()).extracting(ExerciseScenario::id)
                .containsExactly("business-associate-breach", "lost-laptop", "misdirected-lab-results", "ransomware-ehr-integration");
        var laptop = scenarios.scenario("lost-laptop").orElseThrow();
        var report = laptop.reportAt(Instant.parse("2026-03-02T14:00:00Z"));
        assertThat(report.discoveredAt().toInstant()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(report.occurredAt().toInstant()).isEqualTo(Instant.parse("2026-03-01T14:00:00Z"));
        assertThat(report.wholeEstimate()).containsEntry("US-TX", 400).containsEntry("US-CA", 200);
        assertThat(report.title()).startsWith("EXERCISE:");
        assertThat(laptop.investigation()).containsEntry("affectedCounts", "US-TX: 400, US-CA: 200");
        assertThat(scenarios.scenario("no-such")).isEmpty();
    }

    @Test
    void aScenarioTheIntakeWouldRefuseStopsTheStartNamingItsFileAndField() {
        assertThatThrownBy(() -> load("unknown-field")).hasMessageContaining("drill.yaml").hasMessageContaining("investigation")
                .hasMessageContaining("dataShoeSize");
        assertThatThrownBy(() -> load("discovered-before-occurred")).hasMessageContaining("drill.yaml")
                .hasMessageContaining("report.occurred");
        assertThatThrownBy(() -> load("bad-jurisdiction")).hasMessageContaining("drill.yaml")
                .hasMessageContaining("report.affectedEstimate");
        assertThatThrownBy(() -> load("duplicate")).hasMessageContaining("b.yaml").hasMessageContaining("id drill is used by another");
    }

    private static ExerciseScenarios load(String library) {
        return new ExerciseScenarios(validator, new ObjectMapper(), "classpath*:exercise-scenarios/" + library + "/*.yaml");
    }
}
