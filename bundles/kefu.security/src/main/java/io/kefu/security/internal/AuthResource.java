package io.kefu.security.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.web.ApiException;
import io.kefu.web.Authenticated;
import io.kefu.web.ErrorBody;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * Logging in and out, and who am I. The session token goes into an HttpOnly, SameSite=Strict cookie for the
 * workbench; scripts may send the same token as {@code Authorization: Bearer}.
 */
@Component(service = AuthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final AccountService accounts;

    @Activate
    public AuthResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * {@code bearer: true} asks for the token in the answer, for scripts that send it as a bearer token. Browsers
     * leave it out: their token stays in the HttpOnly cookie, out of reach of page scripts.
     */
    public record Credentials(String username, String password, Boolean bearer) {
    }

    /** The answer to a login and to "who am I"; {@code token} only on a login that asked for it. */
    public record Me(Person user, boolean mustChangePassword, String token) {
    }

    /** The user as clients see themselves. */
    public record Person(String id, String username, String displayName, java.util.Set<io.kefu.api.security.Role> roles) {
        static Person of(KefuUser user) {
            return new Person(user.id(), user.username(), user.displayName(), user.roles());
        }
    }

    public record Throttled(String code, String message, long retryAfterSeconds) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @POST
    @Path("/login")
    @PermitAll
    public Response login(Credentials credentials, @Context HttpServletRequest request) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw ApiException.badRequest("auth.missing_credentials", "Send a username and a password");
        }
        LoginOutcome outcome = accounts.login(credentials.username(), credentials.password(), request.getRemoteAddr());
        if (outcome instanceof LoginOutcome.Success success) {
            String token = Boolean.TRUE.equals(credentials.bearer()) ? success.token() : null;
            return Response.ok(new Me(Person.of(success.user()), success.mustChangePassword(), token))
                    .cookie(sessionCookie(success.token(), request.isSecure())).build();
        }
        if (outcome instanceof LoginOutcome.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds)
                    .entity(new Throttled("auth.throttled", "Too many failed logins; try again in " + seconds
                            + " seconds", seconds)).build();
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(new ErrorBody("auth.failed", "Wrong username or password")).build();
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout(@Context SecurityContext security, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        Cookie cookie = headers.getCookies().get(KefuRest.SESSION_COOKIE);
        String bearer = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = cookie != null ? cookie.getValue() : bearer == null ? null : bearer.substring(7).trim();
        accounts.logout(token, (KefuUser) security.getUserPrincipal());
        return Response.noContent().cookie(expiredCookie(request.isSecure())).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public Me me(@Context SecurityContext security) {
        KefuUser user = (KefuUser) security.getUserPrincipal();
        return new Me(Person.of(user), accounts.mustChangePassword(user.id()), null);
    }

    @POST
    @Path("/password")
    @Authenticated
    public Response changePassword(PasswordChange change, @Context SecurityContext security) {
        if (change == null) {
            throw ApiException.badRequest("request.empty", "Send currentPassword and newPassword");
        }
        try {
            accounts.changePassword((KefuUser) security.getUserPrincipal(), change.currentPassword(), change.newPassword());
        } catch (UserAccountException e) {
            throw UserResource.toApi(e);
        }
        return Response.noContent().build();
    }

    private static NewCookie sessionCookie(String token, boolean secure) {
        return new NewCookie.Builder(KefuRest.SESSION_COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static NewCookie expiredCookie(boolean secure) {
        return new NewCookie.Builder(KefuRest.SESSION_COOKIE).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }
}
