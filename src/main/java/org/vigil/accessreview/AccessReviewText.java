package org.vigil.accessreview;

/** Small text helpers the access-review services share: optional fields, entitlement keys. */
final class AccessReviewText {

    private AccessReviewText() {}

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String emptyIfNull(String text) {
        return text == null ? "" : text;
    }

    /** One account's entitlement, as {@link AccessReviewStore#reviewedKeys} spells it in SQL. */
    static String entitlementKey(String account, String entitlement) {
        return account + "\u0000" + entitlement;
    }
}
