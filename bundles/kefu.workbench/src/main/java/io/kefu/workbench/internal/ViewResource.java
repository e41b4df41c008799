package io.kefu.workbench.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.web.Authenticated;
import io.kefu.web.KefuRest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code GET /api/workbench/views}: the navigation of the shell, for the current user's roles. */
@Component(service = ViewResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/workbench")
@Produces(MediaType.APPLICATION_JSON)
public final class ViewResource {
    private final ViewRegistry registry;

    @Activate
    public ViewResource(@Reference ViewRegistry registry) {
        this.registry = registry;
    }

    /** What the shell needs to list and open one view. */
    public record ViewEntry(String id, String title, String element, String moduleUrl, int order) {
    }

    @GET
    @Path("/views")
    @Authenticated
    public List<ViewEntry> views(@Context SecurityContext security) {
        return registry.visibleTo((KefuUser) security.getUserPrincipal()).stream()
                .map(v -> new ViewEntry(v.view().id(), v.view().title(), v.view().element(), v.moduleUrl(), v.view().order()))
                .toList();
    }
}
