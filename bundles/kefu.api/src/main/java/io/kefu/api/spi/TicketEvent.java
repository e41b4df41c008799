package io.kefu.api.spi;

import io.kefu.api.ticket.Ticket;

/** A change to a ticket: {@code kind} is {@code created}, {@code updated}, {@code commented} or {@code closed}. */
public record TicketEvent(String kind, Ticket ticket, String actor) {
}
