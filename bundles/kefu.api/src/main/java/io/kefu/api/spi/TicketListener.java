package io.kefu.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about ticket changes, typically to mirror them in an external system (a CRM, an issue tracker).
 * Called after the change is committed; a listener that throws does not undo it.
 */
@ConsumerType
public interface TicketListener {
    void ticketChanged(TicketEvent event);
}
