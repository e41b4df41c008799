package io.kefu.workbench.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** The built shell (ui/ compiled into /static of this bundle), served at the web root. */
@Component(service = ShellResources.class)
@HttpWhiteboardResource(pattern = "/*", prefix = "/static")
public final class ShellResources {
}
