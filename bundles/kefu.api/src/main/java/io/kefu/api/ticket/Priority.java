package io.kefu.api.ticket;

/** Priority of a ticket; SLA targets depend on it. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
