package org.vigil.correctiveaction;

import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.vigil.platform.SeedReader;

/**
 * {@code seeds/correctiveaction/severity-policy.yaml}: by severity, when an action is due, how long each step before
 * it may take, when the owner group is reminded, and how long to wait after implementation before the effectiveness
 * check. Read and checked once at start: a severity missing or a period that is not positive fails the start, naming
 * the file and the entry.
 */
@Component
class SeverityPolicy {

    static final String PATH = "seeds/correctiveaction/severity-policy.yaml";
    static final List<String> SEVERITIES = List.of("major", "minor", "improvement");

    record Terms(Period due, Period stepWithin, Period remindBefore, Period effectivenessAfter, Period checkWithin) {}

    record Seed(Map<String, Terms> severities) {}

    private final Map<String, Terms> terms;

    SeverityPolicy() {
        this(SeedReader.read(PATH, Seed.class));
    }

    SeverityPolicy(Seed seed) {
        this.terms = validated(seed);
    }

    /** The terms of a known severity; an unknown one is refused naming the field. */
    Terms of(String severity) {
        Terms found = severity == null ? null : terms.get(severity);
        if (found == null) {
            throw new IllegalArgumentException("severity: must be one of " + String.join(", ", SEVERITIES));
        }
        return found;
    }

    static boolean isKnown(String severity) {
        return severity != null && SEVERITIES.contains(severity);
    }

    private static Map<String, Terms> validated(Seed seed) {
        if (seed == null || seed.severities() == null) {
            throw new IllegalStateException(PATH + ": severities is missing");
        }
        for (String severity : seed.severities().keySet()) {
            if (!SEVERITIES.contains(severity)) {
                throw new IllegalStateException(PATH + ": severities." + severity + " is not a severity (" + String.join(", ", SEVERITIES) + ")");
            }
        }
        for (String severity : SEVERITIES) {
            Terms terms = seed.severities().get(severity);
            String where = PATH + ": severities." + severity;
            if (terms == null) {
                throw new IllegalStateException(where + " is missing");
            }
            requirePositive(where + ".due", terms.due());
            requirePositive(where + ".stepWithin", terms.stepWithin());
            requirePositive(where + ".remindBefore", terms.remindBefore());
            requirePositive(where + ".effectivenessAfter", terms.effectivenessAfter());
            requirePositive(where + ".checkWithin", terms.checkWithin());
            // Compared on a fixed day: a reminder at or before the raise would fire as the action is raised.
            ZonedDateTime day = ZonedDateTime.parse("2026-01-01T00:00:00Z");
            if (!day.plus(terms.remindBefore()).isBefore(day.plus(terms.due()))) {
                throw new IllegalStateException(where + ".remindBefore must be shorter than due");
            }
        }
        return Map.copyOf(seed.severities());
    }

    private static void requirePositive(String where, Period period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalStateException(where + " must be a period longer than zero, e.g. P30D");
        }
    }
}
