package io.kefu.nlu.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The workbench views this bundle contributes, as plain ES modules in src/main/resources/workbench (no build step:
 * they use the shell's Lit and view SDK through its import map, like any plug-in view).
 */
final class NluViews {
    private NluViews() {
    }

    /** Intents, training examples, retraining and a trial box, for the analysts who teach the bot. */
    @Component(service = WorkbenchView.class)
    public static final class Intents implements WorkbenchView {
        @Override public String id() { return "kefu.nlu"; }
        @Override public String title() { return "Intents & training"; }
        @Override public String element() { return "kefu-nlu-view"; }
        @Override public String resourceRoot() { return "/workbench"; }
        @Override public String module() { return "nlu.js"; }
        @Override public Set<Role> roles() { return EnumSet.of(Role.ANALYST, Role.ADMIN); }
        @Override public int order() { return 60; }
    }
}
