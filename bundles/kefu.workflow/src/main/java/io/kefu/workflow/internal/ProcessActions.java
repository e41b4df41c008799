package io.kefu.workflow.internal;

import io.kefu.api.workflow.ProcessAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed {@link ProcessAction}s, tracked as they come and go (the whiteboard), and the {@code actions} name
 * processes' expressions call: {@code ${actions.run('ticket.create', execution)}}. A step calling an action that is
 * not installed fails like any failing step: retried, then an incident.
 */
@Component(service = ProcessActions.class)
public final class ProcessActions {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessActions.class);

    private final ConcurrentMap<String, ProcessAction> byName = new ConcurrentHashMap<>();
    /** Contributed actions not looked at yet, and those looked at, by their service. */
    private final Map<ServiceReference<ProcessAction>, ProcessAction> services = new ConcurrentHashMap<>();
    private final Set<ServiceReference<ProcessAction>> pending = ConcurrentHashMap.newKeySet();
    private volatile BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /**
     * Actions are taken from the service registry only when a process first needs one, not when they appear:
     * bundles that provide actions often use the workflow bundle themselves (ticketing), and getting their
     * services while this bundle starts would go round in a circle.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = ProcessAction.class)
    void bind(ServiceReference<ProcessAction> reference) {
        pending.add(reference);
    }

    void unbind(ServiceReference<ProcessAction> reference) {
        pending.remove(reference);
        ProcessAction action = services.remove(reference);
        if (action != null) {
            remove(action);
            BundleContext bundle = context;
            if (bundle != null) {
                try {
                    bundle.ungetService(reference);
                } catch (IllegalStateException stopping) {
                    // this bundle is stopping; the framework releases its services itself
                }
            }
        }
    }

    /** Takes every action that appeared since the last look from the registry. */
    private void resolvePending() {
        BundleContext bundle = context;
        if (bundle == null || pending.isEmpty()) {
            return;
        }
        for (ServiceReference<ProcessAction> reference : List.copyOf(pending)) {
            if (!pending.remove(reference)) {
                continue;
            }
            ProcessAction action = bundle.getService(reference);
            if (action == null) {
                LOG.warn("The process action of bundle {} could not be obtained", reference.getBundle());
                continue;
            }
            services.put(reference, action);
            add(action);
        }
    }

    /** Adds an action directly (tests and benchmarks, which run without a service registry). */
    public void add(ProcessAction action) {
        ProcessAction previous = byName.put(action.name(), action);
        if (previous != null && previous != action) {
            LOG.warn("Process action '{}' is contributed twice; the newer one ({}) is used", action.name(),
                    action.getClass().getName());
        }
    }

    public void remove(ProcessAction action) {
        byName.remove(action.name(), action);
    }

    public Set<String> names() {
        resolvePending();
        return new TreeSet<>(byName.keySet());
    }

    /** Also for processes, to step around an optional plug-in: {@code ${actions.has('parcel.track')}}. */
    public boolean has(String name) {
        resolvePending();
        return byName.containsKey(name);
    }

    /** Called by processes; returns null so that it can also serve as an expression's value. */
    public Object run(String name, DelegateExecution execution) throws Exception {
        return run(name, execution, null);
    }

    /** {@link #run(String, DelegateExecution)} with a one-word argument (see ActionContext#argument). */
    public Object run(String name, DelegateExecution execution, String argument) throws Exception {
        ProcessAction action = byName.get(name);
        if (action == null) {
            resolvePending();
            action = byName.get(name);
        }
        if (action == null) {
            throw new ProcessEngineException("no process action named '" + name + "' is installed (step "
                    + execution.getCurrentActivityId() + ")");
        }
        action.execute(new ExecutionContext(execution, argument));
        return null;
    }
}
