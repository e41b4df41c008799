package io.kefu.routing.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The workbench views this bundle contributes, as plain ES modules in src/main/resources/workbench (no build step:
 * they use the shell's Lit, view SDK and code editor through its import map, like any plug-in view).
 */
final class RoutingViews {
    private RoutingViews() {
    }

    /** Edit, validate, test, simulate, publish and roll back the routing rules. */
    @Component(service = WorkbenchView.class)
    public static final class Rules implements WorkbenchView {
        @Override public String id() { return "kefu.routing.rules"; }
        @Override public String title() { return "Routing rules"; }
        @Override public String element() { return "kefu-routing-rules-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "rules.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.ANALYST, Role.ADMIN); }
        @Override public int order() { return 64; }
    }

    /** Queues, waiting times, agents' presence and load, and alerts, live. */
    @Component(service = WorkbenchView.class)
    public static final class Board implements WorkbenchView {
        @Override public String id() { return "kefu.routing.board"; }
        @Override public String title() { return "Routing board"; }
        @Override public String element() { return "kefu-routing-board-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "board.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.SUPERVISOR, Role.ADMIN); }
        @Override public int order() { return 15; }
    }
}
