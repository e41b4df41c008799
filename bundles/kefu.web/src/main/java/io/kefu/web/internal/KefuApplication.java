package io.kefu.web.internal;

import io.kefu.web.KefuRest;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Kefu's REST application at {@code /api}. It requires the access filter, the JSON provider and the error mapper,
 * so the whiteboard does not serve a single endpoint before authentication is in place: there is no window at
 * start-up, or while a bundle restarts, in which endpoints answer unchecked.
 */
@Component(service = Application.class)
@JakartarsName("kefu")
@JakartarsApplicationBase(KefuRest.BASE)
@JakartarsExtensionSelect({"(osgi.jakartars.name=kefu.access)", "(osgi.jakartars.name=kefu.json)",
        "(osgi.jakartars.name=kefu.errors)"})
public final class KefuApplication extends Application {
    /**
     * Jersey would otherwise register every feature it finds in any installed bundle, including Jackson's own
     * error mappers, which answer malformed JSON in plain text instead of Kefu's error body.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.disableAutoDiscovery", Boolean.TRUE);
    }
}
