package io.kefu.api.security;

/**
 * The names of {@link Role}s as compile-time constants, for {@code @RolesAllowed} on REST endpoints.
 */
public final class Roles {
    public static final String AGENT = "AGENT";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
