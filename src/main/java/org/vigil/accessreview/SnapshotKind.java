package org.vigil.accessreview;

/** What an import holds: the accounts and entitlements of systems, or the HR roster. */
public enum SnapshotKind {
    ENTITLEMENTS, ROSTER;

    static SnapshotKind parse(String text) {
        return switch (text == null ? "entitlements" : text.toLowerCase(java.util.Locale.ROOT)) {
            case "entitlements" -> ENTITLEMENTS;
            case "roster" -> ROSTER;
            default -> throw new IllegalArgumentException("kind: must be 'entitlements' or 'roster'");
        };
    }
}
