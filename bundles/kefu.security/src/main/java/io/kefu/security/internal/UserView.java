package io.kefu.security.internal;

import io.kefu.api.security.Role;
import java.util.Set;

/** A user as admins see it in the workbench: no password hash, but whether the account is enabled. */
public record UserView(String id, String username, String displayName, Set<Role> roles, boolean enabled) {
    static UserView of(UserRow row) {
        return new UserView(row.id(), row.username(), row.displayName(), row.roleSet(), row.enabled());
    }
}
