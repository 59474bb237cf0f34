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
}
