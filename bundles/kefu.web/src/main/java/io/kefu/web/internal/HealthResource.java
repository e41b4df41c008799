package io.kefu.web.internal;

import io.kefu.api.spi.HealthCheck;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health}: public, for load balancers and monitoring. It says which checks pass, nothing more;
 * a failing check answers 503 so that a plain HTTP probe notices.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/health")
public final class HealthResource {
    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    /** The whole answer: overall status and each check's. */
    public record Health(String status, Map<String, String> checks) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check) {
        checks.add(check);
    }

    void removeCheck(HealthCheck check) {
        checks.remove(check);
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, String> results = new TreeMap<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            boolean healthy;
            try {
                healthy = check.healthy();
            } catch (RuntimeException e) {
                LOG.warn("Health check {} failed: {}", check.name(), e.toString());
                healthy = false;
            }
            results.put(check.name(), healthy ? "UP" : "DOWN");
            up &= healthy;
        }
        Health health = new Health(up ? "UP" : "DOWN", results);
        return Response.status(up ? 200 : 503).entity(health).build();
    }
}
