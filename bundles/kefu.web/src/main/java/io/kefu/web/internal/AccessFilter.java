package io.kefu.web.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Sessions;
import io.kefu.web.ErrorBody;
import io.kefu.web.KefuRest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and role checks for every endpoint of every application on the whiteboard. Runs after matching,
 * so it knows the method and its annotations (see {@link Access}). A session comes from the
 * {@link KefuRest#SESSION_COOKIE} cookie (the workbench) or an {@code Authorization: Bearer} header (scripts).
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("kefu.access")
@JakartarsApplicationSelect("(osgi.jakartars.name=*)")
@Priority(Priorities.AUTHENTICATION)
public final class AccessFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;
    private final Map<Method, Access> accessByMethod = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Activate
    public AccessFilter(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Access access = method == null ? Access.undeclared()
                : accessByMethod.computeIfAbsent(method, m -> Access.of(m, resourceInfo.getResourceClass()));

        String bearer = bearerToken(request);
        Cookie cookie = request.getCookies().get(KefuRest.SESSION_COOKIE);
        String token = bearer != null ? bearer : cookie == null ? null : cookie.getValue();
        Optional<KefuUser> user = token == null ? Optional.empty() : sessions.resolve(token);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        user.ifPresent(u -> request.setSecurityContext(new UserSecurityContext(u, secure)));

        if (access.kind() == Access.Kind.PUBLIC) {
            return;
        }
        if (user.isEmpty()) {
            refuse(request, Response.Status.UNAUTHORIZED, "auth.required", "Log in to use this endpoint");
            return;
        }
        if (bearer == null && !SAFE_METHODS.contains(request.getMethod())
                && !KefuRest.CSRF_VALUE.equals(request.getHeaderString(KefuRest.CSRF_HEADER))) {
            refuse(request, Response.Status.FORBIDDEN, "auth.csrf",
                    "Requests that change data must carry the header " + KefuRest.CSRF_HEADER + ": " + KefuRest.CSRF_VALUE);
            return;
        }
        if (access.kind() == Access.Kind.UNDECLARED) {
            LOG.warn("Refused {} {}: the endpoint {}.{} declares no roles", request.getMethod(),
                    request.getUriInfo().getPath(), method == null ? "?" : method.getDeclaringClass().getName(),
                    method == null ? "?" : method.getName());
        }
        if (!access.admits(user.get())) {
            refuse(request, Response.Status.FORBIDDEN, "auth.forbidden", "Your roles do not allow this");
        }
    }

    private static String bearerToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }

    private static void refuse(ContainerRequestContext request, Response.Status status, String code, String message) {
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message)).build());
    }

    /** Makes the user available to resources as {@code @Context SecurityContext}'s principal. */
    private record UserSecurityContext(KefuUser user, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.roles().stream().anyMatch(r -> r.name().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "KEFU_SESSION";
        }
    }
}
