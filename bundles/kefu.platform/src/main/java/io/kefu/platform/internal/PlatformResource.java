package io.kefu.platform.internal;

import io.kefu.api.security.Roles;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code GET /api/platform/bundles}: what is installed, which are plug-ins, and what is wrong. Admins only. */
@Component(service = PlatformResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/platform")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class PlatformResource {
    private final BundleInventory inventory;

    @Activate
    public PlatformResource(@Reference BundleInventory inventory) {
        this.inventory = inventory;
    }

    @GET
    @Path("/bundles")
    public List<InstalledBundle> bundles() {
        return inventory.bundles();
    }
}
