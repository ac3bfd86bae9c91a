package org.vigil.breach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.vigil.platform.SeedReader;

/**
 * The scenario library of seeds/breach/exercises/*.yaml, read once at start and checked: a scenario whose report the
 * incident API would refuse, whose moments are not in the past (discovered no earlier than it occurred), or whose
 * facilitator facts name a field no form has, stops the start with its file and field named.
 */
@Component
class ExerciseScenarios {

    static final String LOCATION = "classpath*:seeds/breach/exercises/*.yaml";
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, ExerciseScenario> scenarios = new LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    ExerciseScenarios(Validator validator, ObjectMapper json) {
        this(validator, json, LOCATION);
    }

    /** The scenarios of {@code location} (a resource pattern): another library for the tests. */
    ExerciseScenarios(Validator validator, ObjectMapper json, String location) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver(ExerciseScenarios.class.getClassLoader()).getResources(location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        }
        var triageKeys = formKeys(json, "triage-incident");
        var investigationKeys = formKeys(json, "investigate-incident");
        var assessmentKeys = formKeys(json, "assess-risk");
        java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            var scenario = SeedReader.read(file, ExerciseScenario.class);
            String where = "Exercise scenario " + file.getFilename() + ": ";
            if (scenario.id() == null || !ID.matcher(scenario.id()).matches()) {
                throw new IllegalStateException(where + "id must be lower-case words joined by '-' (e.g. lost-laptop)");
            }
            if (scenarios.containsKey(scenario.id())) {
                throw new IllegalStateException(where + "id " + scenario.id() + " is used by another scenario");
            }
            if (scenario.report() == null || scenario.report().discovered() == null) {
                throw new IllegalStateException(where + "report.discovered is required (how long before the start, e.g. PT2H)");
            }
            if (scenario.report().discovered().isNegative()
                    || scenario.report().occurred() != null && scenario.report().occurred().compareTo(scenario.report().discovered()) < 0) {
                throw new IllegalStateException(where + "report.occurred and report.discovered are durations before the start, "
                        + "the occurrence no later than the discovery (occurred >= discovered >= PT0S)");
            }
            var report = scenario.reportAt(Instant.parse("2026-01-01T00:00:00Z"));
            var refused = validator.validate(report);
            if (!refused.isEmpty()) {
                var first = refused.iterator().next();
                throw new IllegalStateException(where + "report." + first.getPropertyPath() + " " + first.getMessage());
            }
            try {
                report.wholeEstimate();
            } catch (InvalidFactException e) {
                throw new IllegalStateException(where + "report.affectedEstimate: " + e.getMessage());
            }
            unknownKeys(where + "triage", scenario.triage().keySet(), triageKeys);
            unknownKeys(where + "investigation", scenario.investigation().keySet(), investigationKeys);
            unknownKeys(where + "riskAssessment", scenario.riskAssessment().keySet(), assessmentKeys);
            scenarios.put(scenario.id(), scenario);
        }
    }

    Optional<ExerciseScenario> scenario(String id) {
        return Optional.ofNullable(id == null ? null : scenarios.get(id));
    }

    Collection<ExerciseScenario> all() {
        return List.copyOf(scenarios.values());
    }

    private static void unknownKeys(String where, Set<String> keys, Set<String> known) {
        var unknown = new TreeSet<>(keys);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(where + " names fields no form has: " + String.join(", ", unknown));
        }
    }

    /** The field keys of forms/{@code form}.form. */
    private static Set<String> formKeys(ObjectMapper json, String form) {
        try (var in = new ClassPathResource("forms/" + form + ".form").getInputStream()) {
            var keys = new TreeSet<String>();
            collect(json.readTree(in), keys);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read forms/" + form + ".form", e);
        }
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject() && node.hasNonNull("key") && node.hasNonNull("type")) {
            keys.add(node.get("key").asText());
        }
        node.forEach(child -> collect(child, keys));
    }
}
