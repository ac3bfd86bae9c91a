package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Print batches at rest: sealed in segments with the field keys, opened only whole, in order and with the same context. */
class StreamEncryptionTest {

    static final int SEGMENT = StreamEncryption.SEGMENT_BYTES;
    static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = Base64.getEncoder().encodeToString(filled(32, (byte) 7));

    final StreamEncryption streams = streams("k1", Map.of("k1", K1));

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 17})
    void whatIsSealedOpensAsItWasWhateverItsLengthAndHowItIsWritten(int length) throws IOException {
        byte[] plaintext = random(length);
        byte[] sealed = seal(streams, plaintext, "letters.zip of batch 1");
        // A 46-byte header for key id "k1", and a 16-byte tag per segment (an empty file is one empty segment).
        assertThat(sealed.length).isEqualTo(46 + length + 16 * Math.max(1, (length + SEGMENT - 1) / SEGMENT));
        assertThat(open(streams, sealed, "letters.zip of batch 1")).isEqualTo(plaintext);

        // Written a byte at a time and in odd pieces, the same file.
        var bytewise = new ByteArrayOutputStream();
        try (var out = streams.encrypt(bytewise, "letters.zip of batch 1")) {
            for (int i = 0; i < Math.min(length, 2 * SEGMENT + 3); i++) {
                out.write(plaintext[i]);
            }
            for (int i = Math.min(length, 2 * SEGMENT + 3); i < length; i += 4093) {
                out.write(plaintext, i, Math.min(4093, length - i));
            }
        }
        assertThat(open(streams, bytewise.toByteArray(), "letters.zip of batch 1")).isEqualTo(plaintext);
    }

    @Test
    void theSealedFileHoldsNoPlaintextAndDiffersEachTime() throws IOException {
        byte[] letter = "Dear Ana Diaz, 1 Elm Street, Austin TX 78701. ".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] once = seal(streams, letter, "part");
        byte[] twice = seal(streams, letter, "part");
        assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("Ana Diaz").doesNotContain("Elm Street");
        assertThat(once).isNotEqualTo(twice);
        assertThat(once.length).isLessThan(letter.length + 200);
    }

    @Test
    void aChangedByteAnywhereIsRefused() throws IOException {
        byte[] sealed = seal(streams, random(2 * SEGMENT + 100), "part");
        for (int at : new int[] {0, 5, 20, 60, SEGMENT, SEGMENT + 200, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[at] ^= 1;
            assertThatThrownBy(() -> open(streams, changed, "part")).as("byte %d", at).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aFileCutShortExtendedOrWithSegmentsSwappedIsRefused() throws IOException {
        byte[] sealed = seal(streams, random(3 * SEGMENT), "part");
        int segment = SEGMENT + 16;
        int header = sealed.length - 3 * segment;
        // Cut after whole segments (the end is missing, not damaged), cut in a segment, and cut to the header alone.
        for (int length : new int[] {header + 2 * segment, header + segment, header + segment + 100, header}) {
            assertThatThrownBy(() -> open(streams, Arrays.copyOf(sealed, length), "part")).as("cut to %d", length).isInstanceOf(IOException.class);
        }
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> open(streams, longer, "part")).isInstanceOf(IOException.class);
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, header, swapped, header + segment, segment);
        System.arraycopy(sealed, header + segment, swapped, header, segment);
        assertThatThrownBy(() -> open(streams, swapped, "part")).isInstanceOf(IOException.class);
    }

    @Test
    void aFileOpensOnlyInItsOwnContext() throws IOException {
        byte[] sealed = seal(streams, random(100), "part-00001.zip of batch 7");
        assertThatThrownBy(() -> open(streams, sealed, "part-00001.zip of batch 8")).isInstanceOf(IOException.class);
    }

    @Test
    void keysRotateAsTheyDoForFields() throws IOException {
        byte[] plaintext = random(SEGMENT + 5);
        byte[] sealedWithK1 = seal(streams, plaintext, "part");
        var rotated = streams("k2", Map.of("k1", K1, "k2", K2));
        assertThat(open(rotated, sealedWithK1, "part")).isEqualTo(plaintext);
        byte[] sealedWithK2 = seal(rotated, plaintext, "part");
        assertThat(open(rotated, sealedWithK2, "part")).isEqualTo(plaintext);
        assertThatThrownBy(() -> open(streams, sealedWithK2, "part")).isInstanceOf(IOException.class).hasMessageContaining("k2");
        // Same id, other key material: refused, not garbage.
        var wrongK1 = streams("k1", Map.of("k1", K2));
        assertThatThrownBy(() -> open(wrongK1, sealedWithK1, "part")).isInstanceOf(IOException.class);
    }

    @Test
    void aFileThatWasNeverSealedIsRefusedAndClosed() {
        byte[] zip = "PK\u0003\u0004 letters".getBytes(StandardCharsets.ISO_8859_1);
        var closed = new java.util.concurrent.atomic.AtomicBoolean();
        var file = new ByteArrayInputStream(zip) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertThatThrownBy(() -> streams.decrypt(file, "part")).isInstanceOf(IOException.class);
        assertThat(closed).isTrue();
    }

    static StreamEncryption streams(String active, Map<String, String> keys) {
        return new StreamEncryption(new FieldEncryption(new FieldEncryption.CryptoSettings(active, keys),
                new org.springframework.mock.env.MockEnvironment()));
    }

    static byte[] seal(StreamEncryption streams, byte[] plaintext, String context) throws IOException {
        var sealed = new ByteArrayOutputStream();
        try (var out = streams.encrypt(sealed, context)) {
            out.write(plaintext);
        }
        return sealed.toByteArray();
    }

    static byte[] open(StreamEncryption streams, byte[] sealed, String context) throws IOException {
        try (var in = streams.decrypt(new ByteArrayInputStream(sealed), context)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
