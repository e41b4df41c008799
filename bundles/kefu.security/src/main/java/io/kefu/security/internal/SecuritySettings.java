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
        return new SecuritySettings(Duration.ofMinutes(config.sessionIdleMinutes()),
                Duration.ofHours(config.sessionMaxHours()), config.maxFailedLogins(),
                Duration.ofMinutes(config.failureWindowMinutes()), config.bcryptCost(),
                Path.of(config.initialAdminPasswordFile()));
    }
}
