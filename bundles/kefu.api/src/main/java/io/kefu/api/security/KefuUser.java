package io.kefu.api.security;

import java.security.Principal;
import java.util.Set;

/** An authenticated person using the workbench or the REST API. */
public record KefuUser(String id, String username, String displayName, Set<Role> roles) implements Principal {
    public KefuUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
