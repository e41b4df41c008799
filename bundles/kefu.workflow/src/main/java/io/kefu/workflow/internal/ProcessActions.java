package io.kefu.workflow.internal;

import io.kefu.api.workflow.ProcessAction;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
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
        return new TreeSet<>(byName.keySet());
    }

    /** Also for processes, to step around an optional plug-in: {@code ${actions.has('parcel.track')}}. */
    public boolean has(String name) {
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
            throw new ProcessEngineException("no process action named '" + name + "' is installed (step "
                    + execution.getCurrentActivityId() + ")");
        }
        action.execute(new ExecutionContext(execution, argument));
        return null;
    }
}
