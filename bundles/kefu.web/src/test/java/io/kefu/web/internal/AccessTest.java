package io.kefu.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.security.Roles;
import io.kefu.web.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {
    @RolesAllowed(Roles.ADMIN)
    static class AdminResource {
        public void inherits() {
        }

        @PermitAll
        public void open() {
        }

        @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
        public void agents() {
        }

        @DenyAll
        public void closed() {
        }

        @RolesAllowed("ADMNI")
        public void misspelt() {
        }
    }

    static class PlainResource {
        public void forgotten() {
        }

        @Authenticated
        public void anyone() {
        }
    }

    private static final KefuUser ADMIN = new KefuUser("1", "admin", "Admin", Set.of(Role.ADMIN));
    private static final KefuUser AGENT = new KefuUser("2", "li.na", "李娜", Set.of(Role.AGENT));

    private static Access access(Class<?> type, String method) throws Exception {
        return Access.of(type.getMethod(method), type);
    }

    @Test
    void aMethodInheritsItsClassRoles() throws Exception {
        assertThat(access(AdminResource.class, "inherits").admits(ADMIN)).isTrue();
        assertThat(access(AdminResource.class, "inherits").admits(AGENT)).isFalse();
    }

    @Test
    void theMethodsOwnDeclarationWins() throws Exception {
        assertThat(access(AdminResource.class, "open").admits(null)).isTrue();
        assertThat(access(AdminResource.class, "agents").admits(AGENT)).isTrue();
        assertThat(access(AdminResource.class, "agents").admits(ADMIN)).isFalse();
        assertThat(access(AdminResource.class, "closed").admits(ADMIN)).isFalse();
    }

    @Test
    void anUnknownRoleNameAdmitsNobody() throws Exception {
        assertThat(access(AdminResource.class, "misspelt").admits(ADMIN)).isFalse();
        assertThat(access(AdminResource.class, "misspelt").roles()).isEmpty();
    }

    @Test
    void anUndeclaredEndpointIsClosedToEveryone() throws Exception {
        Access forgotten = access(PlainResource.class, "forgotten");
        assertThat(forgotten.kind()).isEqualTo(Access.Kind.UNDECLARED);
        assertThat(forgotten.admits(ADMIN)).isFalse();
    }

    @Test
    void authenticatedNeedsAUserButNoRole() throws Exception {
        assertThat(access(PlainResource.class, "anyone").admits(AGENT)).isTrue();
        assertThat(access(PlainResource.class, "anyone").admits(null)).isFalse();
    }
}
