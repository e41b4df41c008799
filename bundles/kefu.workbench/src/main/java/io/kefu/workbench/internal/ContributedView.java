package io.kefu.workbench.internal;

import io.kefu.api.spi.WorkbenchView;
import org.osgi.framework.Bundle;

/** A registered view and the bundle its files are read from. */
record ContributedView(WorkbenchView view, Bundle bundle, long serviceId) {
    /** Where the shell loads the view's module from. */
    String moduleUrl() {
        return ViewModuleServlet.PREFIX + view.id() + "/" + trimSlashes(view.module());
    }

    static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
