package io.kefu.knowledge.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The workbench views this bundle contributes, as plain ES modules in src/main/resources/workbench (no build step:
 * they use the shell's Lit and view SDK through its import map, like any plug-in view).
 */
final class KnowledgeViews {
    private KnowledgeViews() {
    }

    /** Articles and FAQ entries with their versions, a test search, and import/export, for the analysts. */
    @Component(service = WorkbenchView.class)
    public static final class Articles implements WorkbenchView {
        @Override public String id() { return "kefu.knowledge"; }
        @Override public String title() { return "Knowledge base"; }
        @Override public String element() { return "kefu-knowledge-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "knowledge.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.ANALYST, Role.ADMIN); }
        @Override public int order() { return 62; }
    }
}
