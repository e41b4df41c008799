package io.kefu.conversation.internal;

import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.conversation.internal.Rows.MacroRow;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * Canned responses: every agent reads them; supervisors, analysts and admins write them. The body may use
 * {@code {{customer.name}}}, {@code {{agent.name}}} and {@code {{conversation.subject}}}, filled in on insertion.
 */
@Component(service = MacroResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/macros")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
public final class MacroResource {
    private final ConversationData data;
    private final AuditLog audit;

    @Activate
    public MacroResource(@Reference ConversationData data, @Reference AuditLog audit) {
        this.data = data;
        this.audit = audit;
    }

    public record Macro(String id, String title, String body) {
    }

    public record MacroText(String title, String body) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<Macro> list() {
        return data.read(ConversationMapper::macros).stream().map(r -> new Macro(r.id(), r.title(), r.body())).toList();
    }

    @POST
    public Response create(MacroText text, @Context SecurityContext security) {
        MacroRow row = row(UUID.randomUUID().toString(), text, security);
        data.execute(m -> m.insertMacro(row));
        audit.record(row.updatedBy(), "macro.create", "macro:" + row.id(), row.title());
        return Response.status(Response.Status.CREATED).entity(new Macro(row.id(), row.title(), row.body())).build();
    }

    @PUT
    @Path("/{id}")
    public Macro update(@PathParam("id") String id, MacroText text, @Context SecurityContext security) {
        MacroRow row = row(id, text, security);
        if (data.write(m -> m.updateMacro(row)) == 0) {
            throw ApiException.notFound("macro.not_found", "no macro " + id);
        }
        audit.record(row.updatedBy(), "macro.update", "macro:" + id, row.title());
        return new Macro(id, row.title(), row.body());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        if (data.write(m -> m.deleteMacro(id)) == 0) {
            throw ApiException.notFound("macro.not_found", "no macro " + id);
        }
        audit.record(((KefuUser) security.getUserPrincipal()).username(), "macro.delete", "macro:" + id, "");
        return Response.noContent().build();
    }

    private static MacroRow row(String id, MacroText text, SecurityContext security) {
        if (text == null || text.title() == null || text.title().isBlank() || text.title().length() > 100) {
            throw ApiException.badRequest("macro.title", "A macro needs a title of 1-100 characters");
        }
        if (text.body() == null || text.body().isBlank() || text.body().length() > 4000) {
            throw ApiException.badRequest("macro.body", "A macro needs a text of 1-4000 characters");
        }
        return new MacroRow(id, text.title().trim(), text.body(), ((KefuUser) security.getUserPrincipal()).username(),
                Clock.systemUTC().instant());
    }
}
