package io.kefu.workbench.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Sessions;
import io.kefu.web.KefuRest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves a contributed view's files from the bundle that contributed it: {@code /workbench/views/<id>/<path>} reads
 * {@code <resourceRoot>/<path>} from that bundle. Only files below the view's resource root are reachable, only
 * while the view is registered (a removed plug-in's files disappear with it), and only to a logged-in user whose
 * roles admit the view: a view's code may say more about a vendor's product than its owner wants public. Anyone
 * else gets the same 404 as for a file that does not exist.
 */
@Component(service = jakarta.servlet.Servlet.class)
@HttpWhiteboardServletPattern(ViewModuleServlet.PREFIX + "*")
public final class ViewModuleServlet extends HttpServlet {
    static final String PREFIX = "/workbench/views/";
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml",
            "png", "image/png", "woff2", "font/woff2", "map", "application/json");

    private final transient ViewRegistry registry;
    private final transient Sessions sessions;

    @Activate
    public ViewModuleServlet(@Reference ViewRegistry registry, @Reference Sessions sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    private boolean admitted(HttpServletRequest request, ContributedView view) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (KefuRest.SESSION_COOKIE.equals(cookie.getName())) {
                Optional<KefuUser> user = sessions.resolve(cookie.getValue());
                return user.isPresent() && user.get().hasAnyRole(view.view().roles());
            }
        }
        return false;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        path = ContributedView.trimSlashes(path);
        int slash = path.indexOf('/');
        if (slash < 1 || path.contains("..") || path.contains("\\")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String id = path.substring(0, slash);
        String file = path.substring(slash + 1);
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ContributedView view = registry.byId(id).orElse(null);
        String type = TYPES.get(extension);
        if (view == null || type == null || !admitted(request, view)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL entry = view.bundle().getEntry("/" + ContributedView.trimSlashes(view.view().resourceRoot()) + "/" + file);
        if (entry == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        // Plug-ins are upgraded by replacing their jar; the browser must ask again rather than keep an old module.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = entry.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
