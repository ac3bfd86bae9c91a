package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fact checks' labels and channels are the forms' own, and a count is whole or refused, never cut down. */
class FactChecksTest {

    @Test
    void everyLabelIsTheOneItsFormShows() throws IOException {
        Map<String, String> shown = new LinkedHashMap<>();
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(file -> file.toString().endsWith(".form")).toList()) {
                collect(new ObjectMapper().readTree(form.toFile()).path("components"), shown);
            }
        }
        FactChecks.LABELS.forEach((field, label) -> assertThat(shown).as("the label of " + field + " in forms/").containsEntry(field, label));
    }

    @Test
    void theChannelsAreThoseOfTheDispatchForm() throws IOException {
        Map<String, String> offered = new LinkedHashMap<>();
        for (JsonNode component : new ObjectMapper().readTree(Path.of("forms", "record-dispatch.form").toFile()).path("components")) {
            if ("channel".equals(component.path("key").asText())) {
                component.path("values").forEach(option -> offered.put(option.path("value").asText(), option.path("label").asText()));
            }
        }
        assertThat(FactChecks.CHANNELS).containsExactlyEntriesOf(offered);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "300, 300", "'  12 ', 12", "4.0, 4", "2147483647, 2147483647"})
    void aWholeCountIsTaken(String given, int taken) {
        assertThat(FactChecks.wholeCount(given, "affectedCounts")).isEqualTo(taken);
        assertThat(FactChecks.wholeCount(new BigDecimal(given.strip()), "affectedCounts")).isEqualTo(taken);
    }

    @ParameterizedTest
    @CsvSource({"1.5", "-1", "2147483648", "1e999999999", "1e-999999999", "twelve"})
    void anythingElseIsRefusedNamingTheFieldAndItsLabel(String given) {
        assertThatThrownBy(() -> FactChecks.wholeCount(given, "affectedCounts")).isInstanceOf(InvalidFactException.class)
                .hasMessageStartingWith("Field 'People affected per jurisdiction' (affectedCounts) ").hasMessageNotContaining(given);
        assertThatThrownBy(() -> FactChecks.wholeCount(1.5d, "contactInfoOutOfDateCount")).isInstanceOf(InvalidFactException.class);
        assertThatThrownBy(() -> FactChecks.wholeCount(Double.POSITIVE_INFINITY, "contactInfoOutOfDateCount")).isInstanceOf(InvalidFactException.class);
    }

    /** A field's label, or a date-time's date label without its " (date)". */
    private static void collect(JsonNode components, Map<String, String> into) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                String label = component.has("label") ? component.path("label").asText()
                        : component.path("dateLabel").asText().replaceFirst(" \\(date\\)$", "");
                into.putIfAbsent(component.path("key").asText(), label);
            }
            collect(component.path("components"), into);
        }
    }
}
