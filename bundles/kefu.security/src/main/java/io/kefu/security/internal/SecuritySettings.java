package io.kefu.security.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Checked security settings. A hand-edited file with an impossible value (a zero window, a bcrypt cost of 40) is
 * refused as a whole, with the reason, and the previous settings stay in force.
 */
record SecuritySettings(Duration sessionIdle, Duration sessionMax, int maxFailedLogins, Duration failureWindow,
        int bcryptCost, Path initialAdminPasswordFile) {

    SecuritySettings {
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("sessionIdleMinutes must be at least 1");
        }
        if (sessionMax.compareTo(sessionIdle) < 0) {
            throw new IllegalArgumentException("sessionMaxHours must not be shorter than sessionIdleMinutes");
        }
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("maxFailedLogins must be at least 1");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("failureWindowMinutes must be at least 1");
        }
        if (bcryptCost < 10 || bcryptCost > 16) {
            throw new IllegalArgumentException("bcryptCost must be between 10 and 16, was " + bcryptCost);
        }
    }

    static SecuritySettings from(SecurityConfig config) {
        return new SecuritySettings(Duration.ofMinutes(number("sessionIdleMinutes", config::sessionIdleMinutes)),
                Duration.ofHours(number("sessionMaxHours", config::sessionMaxHours)),
                number("maxFailedLogins", config::maxFailedLogins),
                Duration.ofMinutes(number("failureWindowMinutes", config::failureWindowMinutes)),
                number("bcryptCost", config::bcryptCost), Path.of(config.initialAdminPasswordFile()));
    }

    /**
     * Declarative Services converts a configured value only when it is read, and says only "For input string"
     * when it is not a number; this names the setting.
     */
    private static int number(String name, java.util.function.IntSupplier value) {
        try {
            return value.getAsInt();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a whole number", e);
        }
    }
}
