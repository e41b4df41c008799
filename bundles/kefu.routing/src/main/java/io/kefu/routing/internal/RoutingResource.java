package io.kefu.routing.internal;

import io.kefu.api.agent.Presence;
import io.kefu.api.routing.RoutingDecision;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.routing.internal.Dispatcher.AgentView;
import io.kefu.routing.internal.Dispatcher.Board;
import io.kefu.routing.internal.RoutingMapper.QueueRow;
import io.kefu.routing.internal.RoutingMapper.TeamRow;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * Routing at {@code /api/routing}: agents set their presence and see their load; supervisors watch the board of
 * queues and agents and set agents' skills, teams and capacity; whoever handles a conversation can see why it was
 * routed where it is; admins see decisions whose rules failed.
 */
@Component(service = RoutingResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RoutingResource {
    private static final int ERRORS_SHOWN = 100;

    private final Dispatcher dispatcher;
    private final DecisionLog decisions;
    private final RoutingData data;

    public record PresenceBody(String presence) {
    }

    public record ProfileBody(Map<String, Integer> skills, List<String> teams, Map<String, Integer> capacity) {
    }

    public record Queues(List<QueueRow> queues, List<TeamRow> teams) {
    }

    @Activate
    public RoutingResource(@Reference Dispatcher dispatcher, @Reference DecisionLog decisions,
            @Reference RoutingData data) {
        this.dispatcher = dispatcher;
        this.decisions = decisions;
        this.data = data;
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    public AgentView me(@Context SecurityContext security) {
        KefuUser me = RulesResource.user(security);
        return dispatcher.agent(me.id(), me.displayName());
    }

    @PUT
    @Path("/me/presence")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    public AgentView presence(PresenceBody body, @Context SecurityContext security) {
        Presence presence;
        try {
            presence = Presence.valueOf(body == null || body.presence() == null ? "" : body.presence());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("routing.presence", "presence must be ONLINE, AWAY or OFFLINE");
        }
        KefuUser me = RulesResource.user(security);
        return dispatcher.presence(me.id(), me.displayName(), presence);
    }

    @GET
    @Path("/board")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Board board() {
        return dispatcher.board();
    }

    @GET
    @Path("/agents")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public List<AgentView> agents() {
        return dispatcher.agents();
    }

    @PUT
    @Path("/agents/{userId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public AgentView updateAgent(@PathParam("userId") String userId, ProfileBody body) {
        if (body == null) {
            throw ApiException.badRequest("request.empty", "A JSON body is required");
        }
        try {
            return dispatcher.updateProfile(userId, body.skills(), body.teams(), body.capacity());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("routing.agent", e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("routing.agent_not_found", e.getMessage());
        }
    }

    @GET
    @Path("/queues")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public Queues queues() {
        return new Queues(dispatcher.queues(), data.read(RoutingMapper::teams));
    }

    @GET
    @Path("/conversations/{id}/decisions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public List<RoutingDecision> decisions(@PathParam("id") String conversationId) {
        return decisions.of(conversationId);
    }

    @GET
    @Path("/errors")
    @RolesAllowed(Roles.ADMIN)
    public List<RoutingDecision> errors() {
        return decisions.failed(ERRORS_SHOWN);
    }
}
