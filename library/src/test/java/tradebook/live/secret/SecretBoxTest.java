package tradebook.live.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir Path home;

    @Test
    void keyFileIsCreatedOwnerOnlyAndReused() throws Exception {
        SecretBox a = SecretBox.open(home, Map.of());
        Path key = home.resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(key).strip()).length);
        String enc = a.encrypt("hunter2-password");
        assertTrue(enc.startsWith("enc:v1:"), enc);
        assertFalse(enc.contains("hunter2"));
        assertEquals("hunter2-password", SecretBox.open(home, Map.of()).decrypt(enc), "a second process reads the same key file");
        assertNotEquals(enc, a.encrypt("hunter2-password"), "a fresh nonce per value");
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws Exception {
        SecretBox.open(home, Map.of());
        Path key = home.resolve("secret.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        SecretException e = assertThrows(SecretException.class, () -> SecretBox.open(home, Map.of()));
        assertTrue(e.getMessage().contains("chmod 600 " + key), e.getMessage());
    }

    @Test
    void keyFromEnvironmentWinsAndAWrongKeyFailsClearly() {
        String k1 = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        SecretBox env = SecretBox.open(home, Map.of("TRADEBOOK_KEY", k1));
        assertEquals("environment variable TRADEBOOK_KEY", env.keySource());
        assertFalse(Files.exists(home.resolve("secret.key")), "no key file when the variable is set");
        String enc = env.encrypt("bot-token-123");
        SecretException e = assertThrows(SecretException.class,
                () -> SecretBox.open(home, Map.of("TRADEBOOK_KEY", Base64.getEncoder().encodeToString(other))).decrypt(enc));
        assertTrue(e.getMessage().contains("wrong key"), e.getMessage());
        assertFalse(e.getMessage().contains("bot-token-123"));
    }

    @Test
    void badKeysAndDamagedValuesAreNamed() {
        assertTrue(assertThrows(SecretException.class, () -> SecretBox.open(home, Map.of("TRADEBOOK_KEY", "not base64!!")))
                .getMessage().contains("TRADEBOOK_KEY is not valid base64"));
        assertTrue(assertThrows(SecretException.class, () -> SecretBox.open(home, Map.of("TRADEBOOK_KEY", "AAAA")))
                .getMessage().contains("has 3 bytes"));
        SecretBox box = SecretBox.open(home, Map.of());
        String enc = box.encrypt("abcdef");
        String tampered = enc.substring(0, enc.length() - 4) + (enc.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertTrue(assertThrows(SecretException.class, () -> box.decrypt(tampered)).getMessage().contains("tampered"));
        assertTrue(assertThrows(SecretException.class, () -> box.decrypt("plain")).getMessage().contains("enc:v1:"));
    }

    @Test
    void maskerReplacesKnownSecretsEverywhere() {
        SecretBox box = SecretBox.open(home, Map.of());
        box.decrypt(box.encrypt("s3cr3t/with+chars"));
        assertEquals("token **** in url ****", Masker.mask("token s3cr3t/with+chars in url s3cr3t%2Fwith%2Bchars"));
        RuntimeException boom = new RuntimeException("outer", new IllegalStateException("login failed for s3cr3t/with+chars"));
        assertEquals("outer <- login failed for ****", Masker.describe(boom));
        assertEquals("a 123 b", Masker.mask("a 123 b"), "short strings are never registered");
    }
}
