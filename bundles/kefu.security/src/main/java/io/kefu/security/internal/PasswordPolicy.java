package io.kefu.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** What a password must be, and how Kefu makes one when it has to (first admin, reset by an admin). */
final class PasswordPolicy {
    static final int MIN_LENGTH = 10;
    /** bcrypt's limit. */
    static final int MAX_BYTES = 72;
    /** No 0/O or 1/l/I: generated passwords get read off screens and typed. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private PasswordPolicy() {
    }

    /** The reason a password is refused, or null when it is fine. */
    static String problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes";
        }
        if (password.equalsIgnoreCase(username)) {
            return "must differ from the username";
        }
        return null;
    }

    static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
