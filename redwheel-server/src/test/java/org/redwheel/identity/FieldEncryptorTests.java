package org.redwheel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class FieldEncryptorTests {

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void roundTripsAndNeverStoresThePlainText() {
        var encryptor = new FieldEncryptor(key());
        String id = "371329199001011234";
        String stored = encryptor.encrypt(id);
        assertThat(stored).startsWith("v1:").doesNotContain(id);
        assertThat(encryptor.decrypt(stored)).isEqualTo(id);
        assertThat(encryptor.encrypt(id)).as("random nonce per value").isNotEqualTo(stored);
    }

    @Test
    void aDifferentKeyCannotDecrypt() {
        String stored = new FieldEncryptor(key()).encrypt("secret");
        assertThatThrownBy(() -> new FieldEncryptor(key()).decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new FieldEncryptor(new byte[16])).hasMessageContaining("32 bytes");
    }

    @Test
    void theBlindIndexIsStablePerKeyAndRevealsNothingWithoutIt() throws Exception {
        byte[] key = key();
        var encryptor = new FieldEncryptor(key);
        String id = "371329199001011234";
        String index = encryptor.blindIndex(id);
        assertThat(index).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("19900101");
        assertThat(new FieldEncryptor(key).blindIndex(id))
                .as("same key, same index")
                .isEqualTo(index);
        assertThat(encryptor.blindIndex("371329199001011242")).isNotEqualTo(index);
        assertThat(new FieldEncryptor(key()).blindIndex(id)).as("another key").isNotEqualTo(index);
        String plainSha256 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(index).as("keyed, not a plain hash anyone can recompute").isNotEqualTo(plainSha256);
        var encryptionKeyHmac = javax.crypto.Mac.getInstance("HmacSHA256");
        encryptionKeyHmac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        assertThat(index)
                .as("derived key, not the encryption key itself")
                .isNotEqualTo(java.util.HexFormat.of()
                        .formatHex(encryptionKeyHmac.doFinal(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
}
