package io.kefu.security.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A row of {@code kefu_user}. The password hash never leaves this bundle. */
record UserRow(String id, String username, String displayName, String passwordHash, String roles, boolean enabled,
        boolean mustChangePassword, Instant createdAt, Instant updatedAt) {

    Set<Role> roleSet() {
        return parseRoles(roles);
    }

    KefuUser toUser() {
        return new KefuUser(id, username, displayName, roleSet());
    }

    static Set<Role> parseRoles(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    static String formatRoles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
