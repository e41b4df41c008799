package io.kefu.web.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.web.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call one endpoint, read from its annotations; the method's own annotation wins over its class's.
 * An endpoint that declares nothing is {@link #undeclared()}: refused to everyone, so that a forgotten annotation
 * closes an endpoint instead of opening it.
 */
record Access(Kind kind, Set<Role> roles) {
    enum Kind { PUBLIC, AUTHENTICATED, ROLES, UNDECLARED, DENIED }

    static Access undeclared() {
        return new Access(Kind.UNDECLARED, Set.of());
    }

    static Access of(Method method, Class<?> resourceClass) {
        Access onMethod = declared(method);
        if (onMethod != null) {
            return onMethod;
        }
        Access onClass = resourceClass == null ? null : declared(resourceClass);
        return onClass != null ? onClass : undeclared();
    }

    private static Access declared(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new Access(Kind.DENIED, Set.of());
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return new Access(Kind.PUBLIC, Set.of());
        }
        if (element.isAnnotationPresent(Authenticated.class)) {
            return new Access(Kind.AUTHENTICATED, Set.of());
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            // A role name Kefu does not know (a typo in a plug-in) admits nobody rather than failing every call.
            Set<Role> roles = Arrays.stream(allowed.value()).filter(Access::isRole).map(Role::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            return new Access(Kind.ROLES, roles);
        }
        return null;
    }

    private static boolean isRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
    }

    boolean admits(KefuUser user) {
        return switch (kind) {
            case PUBLIC -> true;
            case AUTHENTICATED -> user != null;
            case ROLES -> user != null && user.hasAnyRole(roles);
            case UNDECLARED, DENIED -> false;
        };
    }
}
