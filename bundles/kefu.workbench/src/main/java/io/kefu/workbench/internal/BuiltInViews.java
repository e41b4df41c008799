package io.kefu.workbench.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Kefu's own views, contributed exactly as a plug-in contributes one: the shell knows no view by name. Their
 * modules are built from ui/src/views into /static/workbench/views of this bundle.
 */
final class BuiltInViews {
    private BuiltInViews() {
    }

    /** A view whose module lives with the shell's build output. */
    abstract static class ShellView implements WorkbenchView {
        private final String id;
        private final String title;
        private final String element;
        private final String module;
        private final Set<Role> roles;
        private final int order;

        ShellView(String id, String title, String element, String module, Set<Role> roles, int order) {
            this.id = id;
            this.title = title;
            this.element = element;
            this.module = module;
            this.roles = roles;
            this.order = order;
        }

        @Override public String id() { return id; }
        @Override public String title() { return title; }
        @Override public String element() { return element; }
        @Override public String resourceRoot() { return "/static/workbench/views"; }
        @Override public String module() { return module; }
        @Override public Set<Role> roles() { return roles; }
        @Override public int order() { return order; }
    }

    @Component(service = WorkbenchView.class)
    public static final class Home extends ShellView {
        public Home() {
            super("kefu.home", "Home", "kefu-home-view", "home.js", EnumSet.allOf(Role.class), 10);
        }
    }

    @Component(service = WorkbenchView.class)
    public static final class Users extends ShellView {
        public Users() {
            super("kefu.users", "Users", "kefu-users-view", "users.js", EnumSet.of(Role.ADMIN), 80);
        }
    }

    @Component(service = WorkbenchView.class)
    public static final class Audit extends ShellView {
        public Audit() {
            super("kefu.audit", "Audit log", "kefu-audit-view", "audit.js", EnumSet.of(Role.ADMIN), 85);
        }
    }

    @Component(service = WorkbenchView.class)
    public static final class Platform extends ShellView {
        public Platform() {
            super("kefu.platform", "Plug-ins & bundles", "kefu-platform-view", "platform.js", EnumSet.of(Role.ADMIN), 90);
        }
    }
}
