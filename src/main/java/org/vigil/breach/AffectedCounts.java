package org.vigil.breach;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Affected people per jurisdiction as a person types them: one {@code US-TX: 300} per line (or comma-separated), the same
 * code twice added up. A bad entry is refused naming its line; nothing of the text is taken then.
 */
final class AffectedCounts {

    private static final Pattern CODE = Pattern.compile(IncidentReport.JURISDICTION);

    private AffectedCounts() {}

    /** The counts as {@link #parse} reads them back: {@code US-TX: 300}, one per line or joined by {@code separator}. */
    static String format(Map<String, Integer> counts, String separator) {
        return counts.entrySet().stream().map(count -> count.getKey() + ": " + count.getValue())
                .collect(java.util.stream.Collectors.joining(separator));
    }

    static Map<String, Integer> parse(String text, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        String named = "Field '" + FactChecks.label(field) + "' (" + field + ")";
        // Refusals name the line as the person sees it in the text box, and the entry where a line holds several.
        var lines = text.split("\\R", -1);
        for (int line = 1; line <= lines.length; line++) {
            var entries = lines[line - 1].split("[,;]", -1);
            for (int entry = 1; entry <= entries.length; entry++) {
                if (entries[entry - 1].isBlank()) {
                    continue;
                }
                String where = named + ", line " + line + (entries.length > 1 ? " entry " + entry : "") + ": ";
                parseEntry(entries[entry - 1], where, counts);
            }
        }
        return counts;
    }

    private static void parseEntry(String entry, String where, Map<String, Integer> counts) {
        String[] parts = entry.split("[:=]", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(where + "write it as US-TX: 300");
        }
        String code = parts[0].strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            // Echoed only while it looks like a mistyped code: a line of free text may hold anything.
            String typed = parts[0].strip();
            throw new IllegalArgumentException(where + (typed.matches("[A-Za-z0-9 -]{1,12}") ? typed : "the text before the colon")
                    + " is not a jurisdiction code (US-TX, EU-DE, UK, CA-ON, AU)");
        }
        int count;
        try {
            count = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "the count is not a whole number");
        }
        if (count < 0) {
            throw new IllegalArgumentException(where + "the count must not be negative");
        }
        counts.merge(code, count, Integer::sum);
    }
}
