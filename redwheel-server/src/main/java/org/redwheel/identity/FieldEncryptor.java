package org.redwheel.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive fields at rest (ID numbers, TOTP secrets) with AES-256-GCM and a random
 * 96-bit nonce per value. The stored form is {@code v1:} + Base64(nonce ‖ ciphertext ‖ tag).
 *
 * <p>Encrypted values cannot be compared, so a field that must be unique or found by its exact
 * value also gets a {@link #blindIndex blind index}: an HMAC-SHA-256 under a key derived from the
 * same secret (never the encryption key itself).
 */
public final class FieldEncryptor {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String INDEX_KEY_LABEL = "redwheel blind index key v1";

    private final SecretKey key;
    private final SecretKey indexKey;

    public FieldEncryptor(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("encryption key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.indexKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), INDEX_KEY_LABEL), "HmacSHA256");
    }

    /** A key from its Base64 form, as {@code REDWHEEL_ENCRYPTION_KEY} holds it. */
    public static FieldEncryptor fromBase64(String base64Key) {
        return new FieldEncryptor(Base64.getDecoder().decode(base64Key.trim()));
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * A keyed hash of the value for equality look-ups (hex, 64 characters): the same value always
     * gives the same index under one installation's key, and nobody without the key can test a
     * guess against it.
     */
    public String blindIndex(String value) {
        return HexFormat.of().formatHex(hmac(indexKey, value));
    }

    private static byte[] hmac(SecretKey key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted field value");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encrypted field cannot be decrypted with the configured key", e);
        }
    }
}
