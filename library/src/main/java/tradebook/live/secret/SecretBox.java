package tradebook.live.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (broker credentials, bot tokens, SMTP passwords) with AES-256-GCM before
 * they go into the database. The key never sits beside the data: it comes from the
 * {@code TRADEBOOK_KEY} environment variable (base64 of 16, 24 or 32 bytes) or from
 * {@code $TRADEBOOK_HOME/secret.key}, which is created on first use with owner-only (0600) rights.
 *
 * <p>Stored form: {@code enc:v1:<base64(12-byte nonce | ciphertext+tag)>}. The version prefix
 * lets a later format coexist; a random nonce per value means equal secrets look different.
 * Everything encrypted or decrypted here is registered with the {@link Masker}.
 */
public final class SecretBox {
    public static final String PREFIX = "enc:v1:";
    public static final String KEY_ENV = "TRADEBOOK_KEY";
    public static final String KEY_FILE = "secret.key";
    private static final int NONCE = 12, TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keySource;

    private SecretBox(byte[] key, String keySource) {
        this.key = new SecretKeySpec(key, "AES");
        this.keySource = keySource;
    }

    /** The key from {@code TRADEBOOK_KEY}, else the key file under {@code home} (created if missing). */
    public static SecretBox open(Path home) {
        return open(home, System.getenv());
    }

    /** As {@link #open(Path)} with the given environment (tests). */
    public static SecretBox open(Path home, Map<String, String> env) {
        String fromEnv = env.get(KEY_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            byte[] k;
            try {
                k = Base64.getDecoder().decode(fromEnv.strip());
            } catch (IllegalArgumentException e) {
                throw new SecretException(KEY_ENV + " is not valid base64 (make one with: head -c 32 /dev/urandom | base64)");
            }
            checkLength(k, "the environment variable " + KEY_ENV);
            return new SecretBox(k, "environment variable " + KEY_ENV);
        }
        return new SecretBox(keyFile(home.resolve(KEY_FILE)), home.resolve(KEY_FILE).toString());
    }

    private static void checkLength(byte[] k, String where) {
        if (k.length != 16 && k.length != 24 && k.length != 32) {
            throw new SecretException("the AES key in " + where + " has " + k.length + " bytes; it must have 16, 24 or 32");
        }
    }

    /** Reads the key file, or creates it (0600 from the start: no moment where others may read it). */
    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                try {
                    if (posix(file.getParent())) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
                    return k;
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: read theirs
                }
            }
            if (posix(file)) {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
                if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new SecretException("the key file " + file + " is readable by others (" + PosixFilePermissions.toString(p)
                            + "); run: chmod 600 " + file);
                }
            }
            byte[] k;
            try {
                k = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw new SecretException("the key file " + file + " does not hold base64 text");
            }
            checkLength(k, "the key file " + file);
            return k;
        } catch (IOException e) {
            throw new SecretException("cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Where the key came from (for messages; never the key). */
    public String keySource() {
        return keySource;
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** {@code enc:v1:...} of the plain text. */
    public String encrypt(String plain) {
        if (plain == null) throw new SecretException("cannot encrypt a null secret");
        Masker.register(plain);
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[NONCE + ct.length];
            System.arraycopy(nonce, 0, all, 0, NONCE);
            System.arraycopy(ct, 0, all, NONCE, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new SecretException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /** The plain text of an {@code enc:v1:} value; fails clearly on a wrong key or a damaged value. */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) throw new SecretException("not an encrypted value (expected the prefix " + PREFIX + ")");
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretException("a damaged encrypted value (not base64)");
        }
        if (all.length < NONCE + 16) throw new SecretException("a damaged encrypted value (too short)");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            String plain = new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
            Masker.register(plain);
            return plain;
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretException("cannot decrypt a secret with the key from " + keySource
                    + ": wrong key (was " + KEY_ENV + " or the key file changed?) or a tampered value");
        } catch (GeneralSecurityException e) {
            throw new SecretException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }
}
