package io.kefu.api.ticket;

/** The ticket lifecycle; a resolved ticket is reopened when the customer writes again. */
public enum TicketStatus {
    NEW, TRIAGE, ASSIGNED, PENDING_CUSTOMER, RESOLVED, CLOSED
}
