package io.kefu.ticketing.internal;

/** The service-level targets every ticket has. */
public enum SlaTarget {
    /** Until an agent first answers the customer. */
    FIRST_RESPONSE,
    /** Until the ticket is resolved; the clock stops while the ticket waits on the customer. */
    RESOLUTION
}
