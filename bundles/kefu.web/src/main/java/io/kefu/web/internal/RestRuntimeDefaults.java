package io.kefu.web.internal;

import java.io.IOException;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Jakarta REST whiteboard (osgitech.rest) starts only once it has a configuration, and its default one is not
 * published on Maven Central. This gives it one, unless an operator put their own into {@code conf/}.
 */
@Component(immediate = true)
public final class RestRuntimeDefaults {
    static final String PID = "JakartarsServletWhiteboardRuntimeComponent";

    @Activate
    public RestRuntimeDefaults(@Reference ConfigurationAdmin configurationAdmin) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        if (configuration.getProperties() == null) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("jersey.context.path", "/");
            configuration.update(properties);
        }
    }
}
