package org.vigil.platform;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for files too large to hold in memory (a print batch of 100,000 letters), with the keys of
 * {@link FieldEncryption}: a file names its key id in its header, so keys rotate as they do for fields. Kept in one
 * class, longer than usual, because its writer and reader are one file format and must change together.
 *
 * <p>GCM authenticates only a whole message, so the file is sealed in segments of 64 KiB, each with its own tag,
 * and memory stays at a segment whatever the file's size. Each segment's nonce holds its number and whether it is
 * the last, so segments cannot be dropped, reordered or cut off at the end without the reader noticing (the
 * online-AE construction of Hoang, Reyhanitabar, Rogaway and Vizár that Tink's streaming AEAD uses). Each file has
 * its own key, derived from the configured one and a random salt (HKDF-Expand, RFC 5869, with HMAC-SHA256), so
 * nonces never repeat under one key however many files are sealed. The header and a caller's context (which file
 * of which batch) are authenticated with every segment: a file copied over another does not open.
 *
 * <pre>
 * header   "VGS1" | key id length (1 byte) | key id (UTF-8) | salt (32) | nonce prefix (7)
 * segment  ciphertext of 64 KiB of plaintext (less in the last, which may be empty) | tag (16)
 * nonce    nonce prefix (7) | segment number (4, big-endian) | 1 for the last segment, else 0 (1)
 * </pre>
 */
@Component
public class StreamEncryption {

    static final int SEGMENT_BYTES = 64 * 1024;
    private static final byte[] MAGIC = {'V', 'G', 'S', '1'};
    private static final byte[] KDF_INFO = "vigil stream v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 32;
    private static final int PREFIX_BYTES = 7;
    private static final int TAG_BYTES = 16;

    private final FieldEncryption keys;
    private final SecureRandom random = new SecureRandom();

    StreamEncryption(FieldEncryption keys) {
        this.keys = keys;
    }

    /**
     * A stream that seals what is written to it into {@code ciphertext} with the active key; the file is complete
     * when the stream is closed. {@code context} says which file this is (it must be given again to open it).
     * Should this fail, {@code ciphertext} is closed.
     */
    public OutputStream encrypt(OutputStream ciphertext, String context) throws IOException {
        try {
            return sealing(ciphertext, context);
        } catch (IOException | RuntimeException e) {
            ciphertext.close();
            throw e;
        }
    }

    /**
     * A stream of the plaintext of {@code ciphertext}, sealed in {@code context}; reading it fails with an
     * {@link IOException} at the first segment that was changed, moved or cut off, or if the file ends early.
     * Should this fail (not a sealed file, an unknown key), {@code ciphertext} is closed.
     */
    public InputStream decrypt(InputStream ciphertext, String context) throws IOException {
        try {
            return opening(ciphertext, context);
        } catch (IOException | RuntimeException e) {
            ciphertext.close();
            throw e;
        }
    }

    private OutputStream sealing(OutputStream ciphertext, String context) throws IOException {
        String keyId = keys.activeKeyId();
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        if (id.length > 255) {
            throw new IllegalStateException("vigil.crypto.active-key is longer than 255 bytes");
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] prefix = new byte[PREFIX_BYTES];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        byte[] header = ByteBuffer.allocate(MAGIC.length + 1 + id.length + SALT_BYTES + PREFIX_BYTES)
                .put(MAGIC).put((byte) id.length).put(id).put(salt).put(prefix).array();
        ciphertext.write(header);
        return new Sealing(ciphertext, fileKey(keys.key(keyId), salt), prefix, associatedData(header, context));
    }

    private InputStream opening(InputStream ciphertext, String context) throws IOException {
        byte[] magic = ciphertext.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("Not a file sealed by Vigil");
        }
        int idLength = ciphertext.read();
        if (idLength < 0) {
            throw new EOFException("The sealed file ends in its header");
        }
        byte[] id = ciphertext.readNBytes(idLength);
        byte[] salt = ciphertext.readNBytes(SALT_BYTES);
        byte[] prefix = ciphertext.readNBytes(PREFIX_BYTES);
        if (prefix.length != PREFIX_BYTES) {
            throw new EOFException("The sealed file ends in its header");
        }
        String keyId = new String(id, StandardCharsets.UTF_8);
        SecretKeySpec key = keys.key(keyId);
        if (key == null) {
            throw new IOException("The file is sealed with key " + keyId + ", which is not among vigil.crypto.keys");
        }
        byte[] header = ByteBuffer.allocate(MAGIC.length + 1 + id.length + SALT_BYTES + PREFIX_BYTES)
                .put(MAGIC).put((byte) idLength).put(id).put(salt).put(prefix).array();
        return new Opening(ciphertext, fileKey(key, salt), prefix, associatedData(header, context));
    }

    /** HKDF-Expand with the configured key as pseudorandom key: one block of HMAC-SHA256 is the 32 bytes AES needs. */
    private static SecretKey fileKey(SecretKeySpec key, byte[] salt) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            hmac.update(KDF_INFO);
            hmac.update(salt);
            hmac.update((byte) 1);
            return new SecretKeySpec(hmac.doFinal(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] associatedData(byte[] header, String context) {
        byte[] text = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + text.length).put(header).put(text).array();
    }

    private static GCMParameterSpec nonce(byte[] prefix, int segment, boolean last) {
        byte[] nonce = Arrays.copyOf(prefix, 12);
        ByteBuffer.wrap(nonce, PREFIX_BYTES, 5).putInt(segment).put((byte) (last ? 1 : 0));
        return new GCMParameterSpec(TAG_BYTES * 8, nonce);
    }

    private static Cipher gcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Holds one segment; a full one is sealed only when more follows, so the last is always marked last. */
    private static final class Sealing extends FilterOutputStream {
        private final Cipher cipher = gcm();
        private final SecretKey key;
        private final byte[] prefix;
        private final byte[] associatedData;
        private final byte[] plain = new byte[SEGMENT_BYTES];
        private final byte[] sealed = new byte[SEGMENT_BYTES + TAG_BYTES];
        private int filled;
        private int segment;
        private boolean closed;

        Sealing(OutputStream out, SecretKey key, byte[] prefix, byte[] associatedData) {
            super(out);
            this.key = key;
            this.prefix = prefix;
            this.associatedData = associatedData;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (closed) {
                throw new IOException("The sealed file is closed");
            }
            while (length > 0) {
                if (filled == SEGMENT_BYTES) {
                    seal(false);
                }
                int taken = Math.min(length, SEGMENT_BYTES - filled);
                System.arraycopy(bytes, offset, plain, filled, taken);
                filled += taken;
                offset += taken;
                length -= taken;
            }
        }

        /** Passes on what is sealed; the segment being filled waits for its end. */
        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (OutputStream file = out) {
                seal(true);
            }
        }

        private void seal(boolean last) throws IOException {
            if (segment == -1) {
                throw new IOException("The file is too large to seal (2^32 segments)");
            }
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, nonce(prefix, segment++, last));
                cipher.updateAAD(associatedData);
                int length = cipher.doFinal(plain, 0, filled, sealed, 0);
                out.write(sealed, 0, length);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("Sealing failed", e);
            }
        }
    }

    /** Opens one segment at a time; a segment is the last when nothing follows it. */
    private static final class Opening extends FilterInputStream {
        private final Cipher cipher = gcm();
        private final SecretKey key;
        private final byte[] prefix;
        private final byte[] associatedData;
        private final byte[] sealed = new byte[SEGMENT_BYTES + TAG_BYTES];
        private final byte[] plain = new byte[SEGMENT_BYTES];
        private int position;
        private int limit;
        private int segment;
        /** The first byte of the next segment, read to learn that the current one is not the last; -1 when none. */
        private int carried = -1;
        private boolean ended;

        Opening(InputStream in, SecretKey key, byte[] prefix, byte[] associatedData) {
            super(in);
            this.key = key;
            this.prefix = prefix;
            this.associatedData = associatedData;
        }

        @Override
        public int read() throws IOException {
            while (position == limit) {
                if (ended) {
                    return -1;
                }
                open();
            }
            return plain[position++] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) {
                return 0;
            }
            while (position == limit) {
                if (ended) {
                    return -1;
                }
                open();
            }
            int given = Math.min(length, limit - position);
            System.arraycopy(plain, position, bytes, offset, given);
            position += given;
            return given;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public int available() {
            return limit - position;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void mark(int readlimit) {}

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }

        private void open() throws IOException {
            int length = 0;
            if (carried >= 0) {
                sealed[length++] = (byte) carried;
            }
            length += in.readNBytes(sealed, length, sealed.length - length);
            carried = length == sealed.length ? in.read() : -1;
            boolean last = carried < 0;
            if (length < TAG_BYTES) {
                throw new EOFException("The sealed file is cut short");
            }
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, nonce(prefix, segment++, last));
                cipher.updateAAD(associatedData);
                limit = cipher.doFinal(sealed, 0, length, plain, 0);
                position = 0;
                ended = last;
            } catch (AEADBadTagException e) {
                // Never says more: a changed, moved or missing segment, another file's context, or a wrong key.
                throw new IOException("The sealed file failed its integrity check");
            } catch (GeneralSecurityException e) {
                throw new IOException("Opening the sealed file failed", e);
            }
        }
    }
}
