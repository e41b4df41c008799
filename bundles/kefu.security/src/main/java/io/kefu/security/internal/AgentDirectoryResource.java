package io.kefu.security.internal;

import io.kefu.api.security.Role;
import io.kefu.api.security.Roles;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /api/agents}: the people work can be assigned to (enabled users with the agent or supervisor role),
 * with just what an assignment list shows. Agents may read it; the full user list stays with admins.
 */
@Component(service = AgentDirectoryResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public final class AgentDirectoryResource {
    private final AccountService accounts;

    @Activate
    public AgentDirectoryResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** One person who can take work. */
    public record AgentEntry(String id, String username, String displayName) {
    }

    @GET
    public List<AgentEntry> agents() {
        EnumSet<Role> takesWork = EnumSet.of(Role.AGENT, Role.SUPERVISOR);
        return accounts.users(0, Integer.MAX_VALUE).stream()
                .filter(u -> u.enabled() && u.roles().stream().anyMatch(takesWork::contains))
                .map(u -> new AgentEntry(u.id(), u.username(), u.displayName())).toList();
    }
}
