package org.vigil.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.vigil.platform.SeedReader;

/**
 * {@code seeds/risk/criteria.yaml}: the likelihood and impact scales (1..5, impact in four dimensions), the bands of
 * a rating and the acceptance threshold. Read and checked once at start: a broken file fails the start naming the
 * entry.
 */
@Component
public class RiskCriteria {

    static final String PATH = "seeds/risk/criteria.yaml";
    /** Impact dimensions, as the form fields and the register's columns name them. */
    static final List<String> DIMENSIONS = List.of("confidentiality", "integrity", "availability", "patient-safety");

    public record Level(int level, String name, String meaning) {}

    public record Band(String name, int from) {}

    record Impact(Map<String, String> dimensions, List<Level> levels) {}

    record Seed(List<Level> likelihood, Impact impact, List<Band> bands, Integer acceptanceThreshold,
            List<String> highPriorityClassifications) {}

    private final Seed seed;

    RiskCriteria() {
        this(SeedReader.read(PATH, Seed.class));
    }

    RiskCriteria(Seed seed) {
        this.seed = validated(seed);
    }

    public List<Level> likelihood() {
        return seed.likelihood();
    }

    public List<Level> impactLevels() {
        return seed.impact().levels();
    }

    public Map<String, String> impactDimensions() {
        return seed.impact().dimensions();
    }

    public List<Band> bands() {
        return seed.bands();
    }

    /** A residual rating above this needs the risk owner's acceptance. */
    public int acceptanceThreshold() {
        return seed.acceptanceThreshold();
    }

    public boolean needsAcceptance(int residualRating) {
        return residualRating > acceptanceThreshold();
    }

    public Set<String> highPriorityClassifications() {
        return Set.copyOf(seed.highPriorityClassifications());
    }

    /** likelihood x impact, each 1..5; a level outside the scale is refused naming the field. */
    public static int rating(String field, int likelihood, int impact) {
        if (likelihood < 1 || likelihood > 5) {
            throw new IllegalArgumentException(field + ": likelihood must be 1 to 5");
        }
        if (impact < 1 || impact > 5) {
            throw new IllegalArgumentException(field + ": impact must be 1 to 5");
        }
        return likelihood * impact;
    }

    /** The band of a rating (low, medium, high, critical). */
    public String bandOf(int rating) {
        String band = seed.bands().get(0).name();
        for (Band b : seed.bands()) {
            if (rating >= b.from()) {
                band = b.name();
            }
        }
        return band;
    }

    private static Seed validated(Seed seed) {
        if (seed == null) {
            throw new IllegalStateException(PATH + ": is empty");
        }
        requireScale("likelihood", seed.likelihood());
        if (seed.impact() == null) {
            throw new IllegalStateException(PATH + ": impact is missing");
        }
        requireScale("impact.levels", seed.impact().levels());
        if (seed.impact().dimensions() == null || !seed.impact().dimensions().keySet().equals(Set.copyOf(DIMENSIONS))) {
            throw new IllegalStateException(PATH + ": impact.dimensions must be exactly " + String.join(", ", DIMENSIONS));
        }
        if (seed.bands() == null || seed.bands().isEmpty() || seed.bands().get(0).from() != 1) {
            throw new IllegalStateException(PATH + ": bands must start with one from 1");
        }
        for (int i = 1; i < seed.bands().size(); i++) {
            if (seed.bands().get(i).from() <= seed.bands().get(i - 1).from() || seed.bands().get(i).from() > 25) {
                throw new IllegalStateException(PATH + ": bands[" + i + "].from must rise and be at most 25");
            }
        }
        if (seed.acceptanceThreshold() == null || seed.acceptanceThreshold() < 1 || seed.acceptanceThreshold() > 25) {
            throw new IllegalStateException(PATH + ": acceptanceThreshold must be 1 to 25");
        }
        if (seed.highPriorityClassifications() == null) {
            throw new IllegalStateException(PATH + ": highPriorityClassifications is missing (an empty list is allowed)");
        }
        return seed;
    }

    private static void requireScale(String where, List<Level> levels) {
        if (levels == null || levels.size() != 5) {
            throw new IllegalStateException(PATH + ": " + where + " must have five levels");
        }
        for (int i = 0; i < 5; i++) {
            if (levels.get(i).level() != i + 1 || levels.get(i).name() == null || levels.get(i).name().isBlank()) {
                throw new IllegalStateException(PATH + ": " + where + "[" + i + "] must be level " + (i + 1) + " with a name");
            }
        }
    }
}
