package io.kefu.platform.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The admins' "Channels" view (src/main/resources/workbench/channel-settings.js, plain ES module). */
@Component(service = WorkbenchView.class)
public final class ChannelSettingsView implements WorkbenchView {
    @Override public String id() { return "kefu.channels"; }
    @Override public String title() { return "Channels"; }
    @Override public String element() { return "kefu-channel-settings-view"; }
    @Override public String resourceRoot() { return "/workbench"; }
    @Override public String module() { return "channel-settings.js"; }
    @Override public Set<Role> roles() { return EnumSet.of(Role.ADMIN); }
    @Override public int order() { return 82; }
}
