package io.kefu.workbench.internal;

import io.kefu.api.security.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the person who just started Kefu where to point the browser and, on a fresh install, where the first
 * admin's password is. Waits for security and the shell, so the address works when it is printed.
 */
@Component(immediate = true)
public final class ReadyAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyAnnouncement.class);

    @Activate
    public ReadyAnnouncement(BundleContext context, @Reference Sessions sessions, @Reference ViewRegistry views,
            @Reference ShellResources shell) {
        String port = context.getProperty("org.osgi.service.http.port");
        Path password = Path.of("data", "initial-admin-password").toAbsolutePath();
        LOG.info("Kefu workbench: http://localhost:{}/{}", port == null ? "8080" : port, Files.exists(password)
                ? "  (first login: admin, password in " + password + ")" : "");
    }
}
