package org.vigil.accessreview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small text helpers the access-review services share: optional fields, entitlement keys, checksums. */
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

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
