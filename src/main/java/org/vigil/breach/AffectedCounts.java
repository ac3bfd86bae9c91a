package org.vigil.breach;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Affected people per jurisdiction as a person types them: one {@code US-TX: 300} per line (or comma-separated). */
final class AffectedCounts {

    private static final Pattern CODE = Pattern.compile(IncidentReport.JURISDICTION);

    private AffectedCounts() {}

    static Map<String, Integer> parse(String text, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        String named = "Field '" + FactChecks.label(field) + "' (" + field + ")";
        int line = 0;
        for (String entry : text.split("[\\n,;]")) {
            line++;
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("[:=]");
            if (parts.length != 2) {
                throw new IllegalArgumentException(named + ", entry " + line + ": write it as US-TX: 300");
            }
            String code = parts[0].strip().toUpperCase(java.util.Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(named + ", entry " + line + ": " + code
                        + " is not a jurisdiction code (US-TX, EU-DE, UK, CA-ON, AU)");
            }
            int count;
            try {
                count = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(named + ", entry " + line + ": the count is not a whole number");
            }
            if (count < 0) {
                throw new IllegalArgumentException(named + ", entry " + line + ": the count must not be negative");
            }
            counts.merge(code, count, Integer::sum);
        }
        return counts;
    }
}
