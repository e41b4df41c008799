package io.kefu.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt, in the standard {@code $2b$} form so that hashes move to other tools unchanged. bcrypt reads at most 72
 * bytes of a password; {@link PasswordPolicy} refuses longer ones rather than silently ignoring the rest.
 */
final class PasswordHasher {
    private final SecureRandom random;
    private final int cost;
    /**
     * Checked against when the user does not exist, so that a wrong username costs as long as a wrong password.
     * Made on first use: hashing costs a quarter of a second, which start-up should not pay.
     */
    private volatile String decoy;

    PasswordHasher(SecureRandom random, int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, was " + cost);
        }
        this.random = random;
        this.cost = cost;
    }

    String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }

    /** Spends the time of a real check and fails; for unknown users. */
    boolean matchesNothing(String password) {
        String hash = decoy;
        if (hash == null) {
            hash = hash("decoy-" + random.nextLong());
            decoy = hash;
        }
        matches(password.length() > 72 ? password.substring(0, 72) : password, hash);
        return false;
    }
}
