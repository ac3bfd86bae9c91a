package org.vigil.managementreview.spi;

/**
 * One listed thing of an input, compared by {@code key} between packs (added, changed when its {@code fingerprint}
 * differs, removed): a catalog rule, a campaign, an audit. {@code text} is codes and words without patient data.
 */
public record ReviewItem(String key, String text, String fingerprint) {}
