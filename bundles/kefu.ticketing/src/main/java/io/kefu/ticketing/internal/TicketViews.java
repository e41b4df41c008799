package io.kefu.ticketing.internal;

import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The Tickets view: agents' and supervisors' ticket list and ticket detail. */
@Component(service = WorkbenchView.class)
public final class TicketViews implements WorkbenchView {
    @Override public String id() { return "kefu.tickets"; }
    @Override public String title() { return "Tickets"; }
    @Override public String element() { return "kefu-ticketing-tickets-view"; }
    @Override public String resourceRoot() { return "/workbench"; }
    @Override public String module() { return "tickets.js"; }
    @Override public Set<Role> roles() { return EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN); }
    @Override public int order() { return 22; }
}
