package org.vigil.managementreview.spi;

/**
 * One figure of an input: a stable {@code key} (compared between packs and charted over quarters), its label in
 * words, its value (null when it cannot be computed, e.g. a mean over nothing), its unit ({@code count}, {@code hours},
 * {@code days}, {@code percent}), and what it is counted over ({@code basis}), and the policy's target where one
 * applies (same unit, or null).
 */
public record ReviewFigure(String key, String label, Double value, String unit, String basis, Double target) {}
