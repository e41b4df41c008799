package io.kefu.workbench.internal;

import io.kefu.api.security.KefuUser;
import io.kefu.api.spi.WorkbenchView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link WorkbenchView} registered by any bundle, live: a plug-in's view appears when its bundle starts and
 * disappears when it stops. A view with an invalid id or element name, or an id already taken, is refused with a
 * logged reason rather than breaking the shell.
 */
@Component(service = ViewRegistry.class)
public final class ViewRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ViewRegistry.class);
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    /** Custom element names: lower case, start with a letter, contain a dash. */
    static final Pattern ELEMENT = Pattern.compile("[a-z][a-z0-9._]*-[a-z0-9._-]*");

    private final Map<String, ContributedView> views = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(WorkbenchView view, ServiceReference<WorkbenchView> reference) {
        String problem = problem(view);
        if (problem != null) {
            LOG.error("Ignoring workbench view from bundle {}: {}", reference.getBundle().getSymbolicName(), problem);
            return;
        }
        ContributedView contributed = new ContributedView(view, reference.getBundle(),
                (Long) reference.getProperty(Constants.SERVICE_ID));
        ContributedView existing = views.putIfAbsent(view.id(), contributed);
        if (existing != null) {
            LOG.error("Ignoring workbench view '{}' from bundle {}: bundle {} already contributes that id", view.id(),
                    reference.getBundle().getSymbolicName(), existing.bundle().getSymbolicName());
        } else {
            LOG.info("Workbench view '{}' contributed by {}", view.id(), reference.getBundle().getSymbolicName());
        }
    }

    void removeView(WorkbenchView view, ServiceReference<WorkbenchView> reference) {
        Long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        if (views.computeIfPresent(String.valueOf(view.id()), (id, v) -> v.serviceId() == serviceId ? null : v) == null) {
            LOG.info("Workbench view '{}' removed", view.id());
        }
    }

    static String problem(WorkbenchView view) {
        if (view.id() == null || !ID.matcher(view.id()).matches()) {
            return "id '" + view.id() + "' must match " + ID;
        }
        if (view.element() == null || !ELEMENT.matcher(view.element()).matches()) {
            return "element '" + view.element() + "' is not a valid custom element name (lower case, with a dash)";
        }
        if (view.title() == null || view.title().isBlank()) {
            return "view '" + view.id() + "' has no title";
        }
        if (view.module() == null || view.module().contains("..") || view.resourceRoot() == null
                || view.resourceRoot().contains("..")) {
            return "view '" + view.id() + "' must name a module inside its resource root";
        }
        if (view.roles() == null || view.roles().isEmpty()) {
            return "view '" + view.id() + "' names no roles that may see it";
        }
        return null;
    }

    /** The views a user may open, in navigation order. */
    List<ContributedView> visibleTo(KefuUser user) {
        return views.values().stream().filter(v -> user.hasAnyRole(v.view().roles()))
                .sorted(Comparator.comparingInt((ContributedView v) -> v.view().order()).thenComparing(v -> v.view().id()))
                .toList();
    }

    Optional<ContributedView> byId(String id) {
        return Optional.ofNullable(views.get(id));
    }
}
