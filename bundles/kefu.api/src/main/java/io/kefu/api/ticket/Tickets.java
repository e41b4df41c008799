package io.kefu.api.ticket;

import io.kefu.api.security.KefuUser;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tickets for other bundles: creating them (from a conversation, a rule, a process), finding them, and moving them
 * through their lifecycle. {@code actor} is the person acting, or null for Kefu itself.
 *
 * @throws java.util.NoSuchElementException from every method given an unknown ticket id
 */
@ProviderType
public interface Tickets {
    /** @throws IllegalArgumentException when the subject is missing or a value is out of range */
    Ticket create(NewTicket ticket, KefuUser actor);

    Optional<Ticket> find(String ticketId);

    /** The tickets linked to a conversation, newest first. */
    List<Ticket> forConversation(String conversationId);

    /**
     * Moves a ticket to {@code status} as its lifecycle allows (ASSIGNED, PENDING_CUSTOMER, RESOLVED, CLOSED).
     *
     * @throws IllegalStateException when the lifecycle does not allow that move from the ticket's status
     */
    Ticket transition(String ticketId, TicketStatus status, KefuUser actor);

    /** Adds a comment; a public reply from an agent counts as the first response. */
    void comment(String ticketId, String body, boolean publicReply, KefuUser actor);
}
