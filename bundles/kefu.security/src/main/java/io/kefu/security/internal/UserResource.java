package io.kefu.security.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.security.Roles;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import io.kefu.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** User management for admins. */
@Component(service = UserResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class UserResource {
    private final AccountService accounts;

    @Activate
    public UserResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    public record NewUser(String username, String displayName, Set<Role> roles, String password) {
    }

    public record Created(UserView user, String generatedPassword) {
    }

    public record UserChange(String displayName, Set<Role> roles, Boolean enabled) {
    }

    public record GeneratedPassword(String generatedPassword) {
    }

    @GET
    public Page<UserView> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        return new Page<>(accounts.users(from, size), from, size, accounts.userCount());
    }

    @POST
    public Response create(NewUser user, @Context SecurityContext security) {
        if (user == null) {
            throw ApiException.badRequest("request.empty", "Send username, displayName and roles");
        }
        try {
            var created = accounts.createUser(actor(security).username(), user.username(), user.displayName(),
                    user.roles(), user.password());
            UserView view = accounts.user(created.user().id()).map(UserView::of).orElseThrow();
            return Response.status(Response.Status.CREATED).entity(new Created(view, created.generatedPassword())).build();
        } catch (UserAccountException e) {
            throw toApi(e);
        }
    }

    @PUT
    @Path("/{id}")
    public UserView update(@PathParam("id") String id, UserChange change, @Context SecurityContext security) {
        if (change == null || change.roles() == null || change.enabled() == null) {
            throw ApiException.badRequest("request.incomplete", "Send displayName, roles and enabled");
        }
        try {
            return accounts.updateUser(actor(security), id, change.displayName(), change.roles(), change.enabled());
        } catch (UserAccountException e) {
            throw toApi(e);
        }
    }

    @POST
    @Path("/{id}/password-reset")
    public GeneratedPassword resetPassword(@PathParam("id") String id, @Context SecurityContext security) {
        try {
            return new GeneratedPassword(accounts.resetPassword(actor(security), id));
        } catch (UserAccountException e) {
            throw toApi(e);
        }
    }

    private static KefuUser actor(SecurityContext security) {
        return (KefuUser) security.getUserPrincipal();
    }

    static ApiException toApi(UserAccountException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
        return new ApiException(status, e.code(), e.getMessage());
    }
}
