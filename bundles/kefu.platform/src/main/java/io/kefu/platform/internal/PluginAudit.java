package io.kefu.platform.internal;

import io.kefu.api.security.AuditLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes plug-in installs, upgrades and removals to the audit log: a jar dropped into plugins/ changes what the
 * system does as surely as an admin's click, so it belongs in the record of who changed what (the actor is
 * {@code plugins-folder}, as the file system does not say who copied the file).
 */
@Component(immediate = true)
public final class PluginAudit implements SynchronousBundleListener {
    private final BundleContext context;
    private final BundleInventory inventory;
    private final AuditLog audit;

    @Activate
    public PluginAudit(BundleContext context, @Reference BundleInventory inventory, @Reference AuditLog audit) {
        this.context = context;
        this.inventory = inventory;
        this.audit = audit;
        context.addBundleListener(this);
    }

    @Deactivate
    void close() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String action = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "plugin.install";
            case BundleEvent.UPDATED -> "plugin.upgrade";
            case BundleEvent.UNINSTALLED -> "plugin.remove";
            default -> null;
        };
        Bundle bundle = event.getBundle();
        if (action == null || inventory.pluginFile(bundle.getLocation()) == null) {
            return;
        }
        audit.record("plugins-folder", action, "bundle:" + bundle.getSymbolicName(),
                "version " + bundle.getVersion() + " from plugins/" + inventory.pluginFile(bundle.getLocation()).getFileName());
    }
}
