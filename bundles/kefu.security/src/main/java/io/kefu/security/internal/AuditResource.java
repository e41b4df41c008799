package io.kefu.security.internal;

import io.kefu.api.security.AuditEntry;
import io.kefu.api.security.Roles;
import io.kefu.web.KefuRest;
import io.kefu.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** The audit log, newest first, for admins. */
@Component(service = AuditResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class AuditResource {
    private final DatabaseAuditLog audit;

    @Activate
    public AuditResource(@Reference DatabaseAuditLog audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditEntry> recent(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        return new Page<>(audit.recent(from, size), from, size, audit.count());
    }
}
