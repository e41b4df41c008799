package io.kefu.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.security}, edited in {@code conf/kefu.security.cfg}; applied while running. */
@ObjectClassDefinition(name = "Kefu security", description = "Logins, sessions and password hashing")
@interface SecurityConfig {
    @AttributeDefinition(description = "A session ends after this many minutes without a request.", min = "1")
    int sessionIdleMinutes() default 480;

    @AttributeDefinition(description = "A session ends this many hours after login, however active.", min = "1")
    int sessionMaxHours() default 24;

    @AttributeDefinition(description = "Failed logins for one username within the window before it is throttled"
            + " (five times as many per client address).", min = "1")
    int maxFailedLogins() default 5;

    @AttributeDefinition(description = "The window failed logins are counted in, in minutes.", min = "1")
    int failureWindowMinutes() default 15;

    @AttributeDefinition(description = "bcrypt cost factor for new password hashes (each +1 doubles the work).",
            min = "10", max = "16")
    int bcryptCost() default 12;

    @AttributeDefinition(description = "Where the first admin's generated password is written, relative to the Kefu home.")
    String initialAdminPasswordFile() default "data/initial-admin-password";
}
