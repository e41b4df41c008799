package io.kefu.conversation.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The workbench views this bundle contributes, as plain ES modules in src/main/resources/workbench (no build step:
 * they use the shell's Lit and view SDK through its import map, like any plug-in view).
 */
final class ConversationViews {
    private ConversationViews() {
    }

    @Component(service = WorkbenchView.class)
    public static final class Inbox implements WorkbenchView {
        @Override public String id() { return "kefu.inbox"; }
        @Override public String title() { return "Inbox"; }
        @Override public String element() { return "kefu-inbox-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "inbox.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.AGENT, Role.SUPERVISOR); }
        @Override public int order() { return 20; }
    }

    @Component(service = WorkbenchView.class)
    public static final class FailedDeliveries implements WorkbenchView {
        @Override public String id() { return "kefu.deliveries"; }
        @Override public String title() { return "Failed deliveries"; }
        @Override public String element() { return "kefu-deliveries-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "deliveries.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.ADMIN); }
        @Override public int order() { return 87; }
    }
}
