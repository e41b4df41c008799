package io.kefu.workflow.internal;

import io.kefu.api.spi.HealthCheck;
import io.kefu.store.Store;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots the engine on a thread of its own and offers it as a service only when it runs with the folder's processes
 * deployed. Booting takes seconds (longer on a first start, which creates the schema): done inside a component's
 * activation it would hold up the framework's start and make every component that asks for the workflow service
 * meanwhile give up after the service runtime's lock timeout. Components that need the engine simply become
 * satisfied when it is ready.
 */
@Component(immediate = true, configurationPid = "kefu.workflow", service = HealthCheck.class)
@Designate(ocd = WorkflowConfig.class)
public final class WorkflowStart implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowStart.class);

    private final Thread starter;
    private volatile WorkflowEngine engine;
    private volatile ServiceRegistration<WorkflowEngine> registration;
    private volatile boolean stopping;

    @Activate
    public WorkflowStart(@Reference Store store, @Reference ProcessActions actions, WorkflowConfig config,
            BundleContext context) {
        WorkflowEngine.Settings settings = new WorkflowEngine.Settings(config.jobExecutor(), config.jobThreads(),
                config.historyTimeToLive(), config.retryCycle());
        this.starter = new Thread(() -> start(store, actions, settings, config.deployDefaults(), context),
                "kefu-workflow-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void start(Store store, ProcessActions actions, WorkflowEngine.Settings settings, boolean deployDefaults,
            BundleContext context) {
        try {
            WorkflowEngine booted = new WorkflowEngine(store.dataSource(), store.kind(), actions, settings);
            engine = booted;
            if (deployDefaults) {
                new ProcessLibrary(booted, actions).deployDefaults(WorkflowService.folder(context.getBundle()));
            }
            synchronized (this) {
                if (stopping) {
                    return;
                }
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("kefu.database", store.kind().name());
                registration = context.registerService(WorkflowEngine.class, booted, properties);
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("The workflow engine could not start; processes, tickets and SOPs are unavailable: {}",
                        e.getMessage(), e);
            }
        }
    }

    @Override
    public String name() {
        return "workflow";
    }

    /** Healthy once the engine runs with its processes: until then /api/health says Kefu is still starting. */
    @Override
    public boolean healthy() {
        return registration != null;
    }

    @Deactivate
    void stop() throws InterruptedException {
        synchronized (this) {
            stopping = true;
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle is stopping and the framework unregistered it
                }
                registration = null;
            }
        }
        // A boot in progress finishes (Camunda cannot be interrupted half-way); then the engine is closed.
        starter.join(120_000);
        WorkflowEngine running = engine;
        if (running != null) {
            running.close();
        }
    }
}
