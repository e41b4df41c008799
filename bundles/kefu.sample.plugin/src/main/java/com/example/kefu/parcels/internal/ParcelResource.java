package com.example.kefu.parcels.internal;

import io.kefu.api.security.Roles;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code GET /api/parcels/{trackingNumber}}: which carrier, and where to follow the parcel. */
@Component(service = ParcelResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/parcels")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public final class ParcelResource {

    @GET
    @Path("/{trackingNumber}")
    public List<ParcelLookup.Match> lookup(@PathParam("trackingNumber") String trackingNumber) {
        if (trackingNumber.length() > 40) {
            throw ApiException.badRequest("parcel.too_long", "A tracking number has at most 40 characters");
        }
        List<ParcelLookup.Match> matches = ParcelLookup.lookup(trackingNumber);
        if (matches.isEmpty()) {
            throw ApiException.notFound("parcel.unknown_format",
                    "No known carrier uses the format of '" + trackingNumber + "'");
        }
        return matches;
    }
}
