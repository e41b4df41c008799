package io.kefu.workflow.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The workflow bundle's views in the workbench: analysts' process modeler, managers' process metrics. */
final class WorkflowViews {
    private WorkflowViews() {
    }

    @Component(service = WorkbenchView.class)
    public static final class Processes implements WorkbenchView {
        @Override public String id() { return "kefu.workflow.processes"; }
        @Override public String title() { return "Processes"; }
        @Override public String element() { return "kefu-workflow-processes-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "processes.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.ANALYST, Role.ADMIN); }
        @Override public int order() { return 66; }
    }

    @Component(service = WorkbenchView.class)
    public static final class Metrics implements WorkbenchView {
        @Override public String id() { return "kefu.workflow.metrics"; }
        @Override public String title() { return "Process metrics"; }
        @Override public String element() { return "kefu-workflow-metrics-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "metrics.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.SUPERVISOR, Role.ADMIN, Role.ANALYST); }
        @Override public int order() { return 70; }
    }
}
