package io.kefu.routing.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.routing.internal.RuleSets.Draft;
import io.kefu.routing.internal.RuleSets.Overview;
import io.kefu.routing.internal.RuleSets.RulesRefused;
import io.kefu.routing.internal.RuleSets.Simulation;
import io.kefu.routing.internal.RuleSets.TestRun;
import io.kefu.routing.internal.RuleSets.Validation;
import io.kefu.routing.internal.RuleSets.VersionSummary;
import io.kefu.routing.internal.RuleSets.VersionText;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * The routing rule set for analysts at {@code /api/routing/rules}: the draft, validation, scenario runs,
 * simulation on recorded traffic, publishing and rolling back. A refused publish answers 400 with every problem
 * (line and column for compile errors).
 */
@Component(service = RulesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/routing/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public final class RulesResource {
    private final RuleSets ruleSets;

    public record DraftBody(String drl, String scenarios) {
    }

    public record ValidateBody(String drl) {
    }

    public record SimulateBody(String drl, Integer days) {
    }

    public record PublishBody(String drl, String scenarios, String comment) {
    }

    /** The body of a refused publish: what {@code ErrorBody} has, and every problem. */
    public record Refusal(String code, String message, List<RuleProblem> problems) {
    }

    @Activate
    public RulesResource(@Reference RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GET
    public Overview overview() {
        return ruleSets.overview();
    }

    @GET
    @Path("/versions/{version}")
    public VersionText version(@PathParam("version") int version) {
        try {
            return ruleSets.version(version);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("routing.version_not_found", e.getMessage());
        }
    }

    @PUT
    @Path("/draft")
    public Draft saveDraft(DraftBody body, @Context SecurityContext security) {
        require(body);
        return guarded(() -> ruleSets.saveDraft(requireDrl(body.drl()), body.scenarios(), user(security).username()));
    }

    @POST
    @Path("/validate")
    public Validation validate(ValidateBody body) {
        require(body);
        return guarded(() -> ruleSets.validate(requireDrl(body.drl())));
    }

    @POST
    @Path("/test")
    public TestRun test(DraftBody body) {
        require(body);
        return guarded(() -> ruleSets.test(requireDrl(body.drl()), body.scenarios()));
    }

    @POST
    @Path("/simulate")
    public Simulation simulate(SimulateBody body) {
        require(body);
        int days = body.days() == null ? 7 : body.days();
        return guarded(() -> ruleSets.simulate(requireDrl(body.drl()), days));
    }

    @POST
    @Path("/publish")
    public Response publish(PublishBody body, @Context SecurityContext security) {
        require(body);
        try {
            VersionSummary version = guarded(() -> ruleSets.publish(requireDrl(body.drl()), body.scenarios(),
                    body.comment(), user(security).username()));
            return Response.status(Response.Status.CREATED).entity(version).build();
        } catch (RulesRefused e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Refusal("routing.rules_refused", "Not published: " + e.getMessage()
                            + ". Version " + ruleSets.live().version() + " stays live.", e.problems())).build();
        }
    }

    @POST
    @Path("/versions/{version}/activate")
    public VersionSummary activate(@PathParam("version") int version, @Context SecurityContext security) {
        try {
            return ruleSets.activate(version, user(security).username());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("routing.version_not_found", e.getMessage());
        } catch (RulesRefused e) {
            throw ApiException.conflict("routing.rules_refused", e.getMessage());
        }
    }

    private static <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("routing.invalid", e.getMessage());
        }
    }

    private static String requireDrl(String drl) {
        if (drl == null || drl.isBlank()) {
            throw new IllegalArgumentException("drl is required: the rule set's text");
        }
        return drl;
    }

    private static void require(Object body) {
        if (body == null) {
            throw ApiException.badRequest("request.empty", "A JSON body is required");
        }
    }

    static KefuUser user(SecurityContext security) {
        return (KefuUser) security.getUserPrincipal();
    }
}
