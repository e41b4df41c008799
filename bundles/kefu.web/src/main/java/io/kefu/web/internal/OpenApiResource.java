package io.kefu.web.internal;

import io.kefu.web.Authenticated;
import io.kefu.web.KefuRest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/openapi.json}: an OpenAPI 3 description of every endpoint currently on Kefu's application,
 * plug-ins' included, built from the resource classes' annotations. It follows bundles coming and going, so it
 * always describes what the runtime serves now; each operation names the roles that may call it
 * ({@code x-kefu-roles}).
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/openapi.json")
public final class OpenApiResource {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    /**
     * Resources on Kefu's application, whatever their service interface: a Declarative Services reference needs a
     * type, so a filter-only tracker does this. The application filter is itself an LDAP filter; as a value inside
     * this one its parentheses are escaped.
     */
    static final String RESOURCES = "(&(osgi.jakartars.resource=true)"
            + "(osgi.jakartars.application.select=\\(osgi.jakartars.name=kefu\\)))";

    private final Map<Long, Class<?>> resources = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Object> tracker;

    @Activate
    public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter(RESOURCES), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object[] names = (Object[]) reference.getProperty(Constants.OBJECTCLASS);
                try {
                    resources.put((Long) reference.getProperty(Constants.SERVICE_ID),
                            reference.getBundle().loadClass(String.valueOf(names[0])));
                } catch (ClassNotFoundException | IllegalStateException e) {
                    LOG.warn("Cannot describe REST resource {} of bundle {}: {}", names[0],
                            reference.getBundle().getSymbolicName(), e.toString());
                }
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                resources.remove((Long) reference.getProperty(Constants.SERVICE_ID));
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> describe() {
        return new OpenApiDocument(KefuRest.BASE).describe(List.copyOf(resources.values()));
    }
}
