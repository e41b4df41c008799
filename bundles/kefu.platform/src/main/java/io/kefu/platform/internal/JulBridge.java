package io.kefu.platform.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging (used by Jersey, SPI Fly and parts of Jetty's neighbours) into SLF4J, so that every
 * line lands in logs/kefu.log in one format, with personal data masked like the rest.
 */
@Component(immediate = true)
public final class JulBridge {
    @Activate
    public JulBridge() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Deactivate
    void uninstall() {
        SLF4JBridgeHandler.uninstall();
    }
}
