package com.example.kefu.parcels.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Contributes the "Parcel tracking" view; its module is src/main/resources/workbench/parcel-view.js. */
@Component(service = WorkbenchView.class)
public final class ParcelView implements WorkbenchView {
    @Override
    public String id() {
        return "example.parcels";
    }

    @Override
    public String title() {
        return "Parcel tracking";
    }

    @Override
    public String element() {
        return "example-parcel-view";
    }

    @Override
    public String resourceRoot() {
        return "/workbench";
    }

    @Override
    public String module() {
        return "parcel-view.js";
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    }

    @Override
    public int order() {
        return 50;
    }
}
