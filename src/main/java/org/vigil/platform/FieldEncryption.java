package org.vigil.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for text that may hold patient data (HIPAA 164.312(a)(2)(iv), ISO 27001 A.8.24). A value is stored as
 * {@code v1:<key id>:<base64 of IV and ciphertext>}, so keys can rotate: new values use the active key, old ones
 * still decrypt with the key they name.
 */
@Component
public class FieldEncryption {

    /** {@code vigil.crypto.active-key} names one of {@code vigil.crypto.keys} (id to base64 of 32 bytes). */
    @ConfigurationProperties("vigil.crypto")
    record CryptoSettings(String activeKey, Map<String, String> keys) {}

    /**
     * The key application-demo.yaml ships (vigil.crypto.keys.demo1). Published with Vigil, it protects nothing, so only
     * the demo profile may use it.
     */
    private static final byte[] DEMO_KEY = Base64.getDecoder().decode("ZGVtby1rZXktZm9yLXZpZ2lsLW5vdC1mb3ItcmVhbC0=");
    private static final String HOW_TO_SET_A_KEY = "set a key of your own, base64 of 32 random bytes:"
            + " VIGIL_CRYPTO_ACTIVE_KEY=k1 and VIGIL_CRYPTO_KEYS_K1=$(openssl rand -base64 32)"
            + " (properties vigil.crypto.active-key and vigil.crypto.keys.<id>; one VIGIL_CRYPTO_KEYS_<ID> per key)";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;

    FieldEncryption(CryptoSettings settings, Environment environment) {
        if (settings.keys() == null || settings.keys().isEmpty() || settings.activeKey() == null || settings.activeKey().isBlank()) {
            throw new IllegalStateException("Patient data is stored encrypted and no encryption key is set: " + HOW_TO_SET_A_KEY);
        }
        this.keys = settings.keys().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> aesKey(entry.getKey(), entry.getValue())));
        if (!environment.matchesProfiles("demo")) {
            keys.forEach((id, key) -> {
                if (MessageDigest.isEqual(key.getEncoded(), DEMO_KEY)) {
                    throw new IllegalStateException("vigil.crypto.keys." + id + " is the demo key, published with Vigil and allowed"
                            + " only in the demo profile: " + HOW_TO_SET_A_KEY);
                }
            });
        }
        if (!keys.containsKey(settings.activeKey())) {
            throw new IllegalStateException("vigil.crypto.active-key " + settings.activeKey() + " is not among vigil.crypto.keys: "
                    + HOW_TO_SET_A_KEY);
        }
        this.activeKeyId = settings.activeKey();
    }

    public String encrypt(String plaintext) {
        return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** A file's bytes (evidence), sealed the same way as text: {@code v1:<key id>:<base64 of IV and ciphertext>}. */
    public String encrypt(byte[] plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return "v1:" + activeKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        return stored == null ? null : new String(decryptBytes(stored), StandardCharsets.UTF_8);
    }

    public byte[] decryptBytes(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1") || !keys.containsKey(parts[1])) {
            // Never echo the stored value: it is ciphertext of patient data at best.
            throw new IllegalStateException("Stored value is not decryptable with the configured keys");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored value failed its integrity check", e);
        }
    }

    /** For {@link StreamEncryption}: files are sealed with the same keys, named by the same ids. */
    String activeKeyId() {
        return activeKeyId;
    }

    /** The key of that id, or null when it is not configured. */
    SecretKeySpec key(String id) {
        return keys.get(id);
    }

    private static SecretKeySpec aesKey(String id, String base64) {
        byte[] key = Base64.getDecoder().decode(base64.strip());
        if (key.length != 32) {
            throw new IllegalStateException("vigil.crypto.keys." + id + " must be 32 bytes (AES-256), base64-encoded");
        }
        return new SecretKeySpec(key, "AES");
    }
}
