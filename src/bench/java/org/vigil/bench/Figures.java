package org.vigil.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and spread over repeated rounds, and the table the suite prints. */
final class Figures {

    private final List<String> rows = new ArrayList<>();

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static String spread(double[] values) {
        return String.format(Locale.ROOT, "median %.1f (min %.1f, max %.1f, n=%d)",
                percentile(values, 50), Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0), values.length);
    }

    void add(String benchmark, String figure, String value, String target) {
        rows.add(String.format(Locale.ROOT, "| %-28s | %-34s | %-44s | %-22s |", benchmark, figure, value, target));
        System.out.println("[bench] " + benchmark + " · " + figure + ": " + value + "   (target " + target + ")");
    }

    void print() {
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "| %-28s | %-34s | %-44s | %-22s |", "benchmark", "figure", "value", "target"));
        System.out.println("|" + "-".repeat(30) + "|" + "-".repeat(36) + "|" + "-".repeat(46) + "|" + "-".repeat(24) + "|");
        rows.forEach(System.out::println);
    }
}
