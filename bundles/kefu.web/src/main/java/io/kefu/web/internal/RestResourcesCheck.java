package io.kefu.web.internal;

import io.kefu.api.spi.HealthCheck;
import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.FailedResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * "rest": UP once the REST whiteboard has taken in every resource registered so far. Bundles register their
 * resources while the runtime starts and the whiteboard rebuilds its application a moment later; without this
 * check /api/health said UP while /api/knowledge and others still answered 404, and probes, load balancers and
 * tests had to wait for each endpoint themselves.
 *
 * <p>A resource aimed at another whiteboard is not counted. A resource the whiteboard refused (a vendor plug-in's broken one, say) does not count: it is logged by the
 * whiteboard and listed in its runtime DTO, and must not take the whole node out of a load balancer.
 */
@Component(service = HealthCheck.class)
public final class RestResourcesCheck implements HealthCheck {
    private static final String RESOURCES = "(osgi.jakartars.resource=true)";

    private static final String TARGET = "osgi.jakartars.whiteboard.target";

    private final BundleContext context;
    private final JakartarsServiceRuntime runtime;
    private final ServiceReference<JakartarsServiceRuntime> runtimeReference;

    @Activate
    public RestResourcesCheck(BundleContext context, @Reference JakartarsServiceRuntime runtime,
            @Reference(service = JakartarsServiceRuntime.class) ServiceReference<JakartarsServiceRuntime> reference) {
        this.context = context;
        this.runtime = runtime;
        this.runtimeReference = reference;
    }

    @Override
    public String name() {
        return "rest";
    }

    @Override
    public boolean healthy() {
        ServiceReference<?>[] registered;
        try {
            registered = context.getAllServiceReferences(null, RESOURCES);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (registered == null) {
            return true;
        }
        RuntimeDTO dto = runtime.getRuntimeDTO();
        Set<Long> known = new HashSet<>();
        if (dto.defaultApplication != null) {
            addResources(dto.defaultApplication, known);
        }
        for (ApplicationDTO application : dto.applicationDTOs) {
            addResources(application, known);
        }
        for (FailedResourceDTO failed : dto.failedResourceDTOs) {
            known.add(failed.serviceId);
        }
        for (ServiceReference<?> reference : registered) {
            if (forThisRuntime(reference) && !known.contains((Long) reference.getProperty("service.id"))) {
                return false;
            }
        }
        return true;
    }

    /** A resource aimed at another whiteboard (its target filter does not match this one) is not waited for. */
    private boolean forThisRuntime(ServiceReference<?> resource) {
        Object target = resource.getProperty(TARGET);
        if (!(target instanceof String filter)) {
            return true;
        }
        try {
            return context.createFilter(filter).match(runtimeReference);
        } catch (InvalidSyntaxException e) {
            return false; // the whiteboard ignores it too
        }
    }

    private static void addResources(ApplicationDTO application, Set<Long> known) {
        for (ResourceDTO resource : application.resourceDTOs) {
            known.add(resource.serviceId);
        }
    }
}
