package io.kefu.workbench.internal;

import io.kefu.api.security.Sessions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the person who just started Kefu where to point the browser and, on a fresh install, where the first
 * admin's password is. Waits for security and the shell, so the address works when it is printed, and reads the
 * port the HTTP runtime actually listens on (it may have been chosen at start).
 */
@Component(immediate = true)
public final class ReadyAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyAnnouncement.class);

    @Activate
    public ReadyAnnouncement(@Reference ServiceReference<HttpServiceRuntime> http, @Reference Sessions sessions,
            @Reference ViewRegistry views, @Reference ShellResources shell) {
        Path password = Path.of("data", "initial-admin-password").toAbsolutePath();
        LOG.info("Kefu workbench: http://localhost:{}/{}", port(http.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)),
                Files.exists(password) ? "  (first login: admin, password in " + password + ")" : "");
    }

    /** The port of the runtime's first endpoint ({@code http://host:port/}, given as a string or a list of them). */
    static String port(Object endpoints) {
        String first = endpoints instanceof String[] list && list.length > 0 ? list[0]
                : endpoints instanceof java.util.Collection<?> c && !c.isEmpty() ? String.valueOf(c.iterator().next())
                : String.valueOf(endpoints);
        try {
            int port = URI.create(first).getPort();
            return port > 0 ? Integer.toString(port) : "8080";
        } catch (IllegalArgumentException e) {
            return Arrays.toString(new Object[] {endpoints});
        }
    }
}
