package org.vigil.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of Vigil, written as lower-case hex: checksums of seed files, evidence, imports, reports and the
 * letters sent to the print house. Text is hashed as UTF-8.
 */
public final class Sha256 {

    private Sha256() {}

    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code content} to its end and closes it. */
    public static String hex(InputStream content) throws IOException {
        var digest = digest();
        try (InputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest);
    }

    /** What {@code digest} has seen so far, as hex; the digest is reset. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh digest, for streams hashed as they are written ({@link java.security.DigestOutputStream}). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
