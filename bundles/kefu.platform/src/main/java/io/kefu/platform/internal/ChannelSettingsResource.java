package io.kefu.platform.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/settings/channels}: channel settings for admins (see {@link ChannelSettings}). */
@Component(service = ChannelSettingsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/settings/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class ChannelSettingsResource {
    private final ChannelSettings settings;

    @Activate
    public ChannelSettingsResource(@Reference ChannelSettings settings) {
        this.settings = settings;
    }

    public record Change(Map<String, String> properties) {
    }

    @GET
    public ChannelSettings.Overview overview() {
        return settings.overview();
    }

    @PUT
    @Path("/{pid}")
    public ChannelSettings.Configuration saveSingle(@PathParam("pid") String pid, Change change,
            @Context SecurityContext security) {
        return handle(() -> settings.save(pid, null, properties(change), actor(security)));
    }

    @PUT
    @Path("/{pid}/{name}")
    public ChannelSettings.Configuration save(@PathParam("pid") String pid, @PathParam("name") String name,
            Change change, @Context SecurityContext security) {
        return handle(() -> settings.save(pid, name, properties(change), actor(security)));
    }

    @DELETE
    @Path("/{pid}/{name}")
    public Response delete(@PathParam("pid") String pid, @PathParam("name") String name,
            @Context SecurityContext security) {
        handle(() -> {
            settings.delete(pid, name, actor(security));
            return null;
        });
        return Response.noContent().build();
    }

    private static Map<String, String> properties(Change change) {
        if (change == null || change.properties() == null) {
            throw ApiException.badRequest("request.incomplete", "Send properties: {key: value}");
        }
        return change.properties();
    }

    private static String actor(SecurityContext security) {
        return ((KefuUser) security.getUserPrincipal()).username();
    }

    private static <T> T handle(Supplier<T> work) {
        try {
            return work.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("settings.not_found", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("settings.invalid", e.getMessage());
        }
    }
}
