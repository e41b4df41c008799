package io.kefu.ticketing.internal;

import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.routing.ActionKind;
import io.kefu.api.routing.RoutingEvents;
import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets that come from elsewhere: a routing rule's "create a ticket" action (an invoice question goes to
 * finance, say), a new email conversation (when configured), and the customer writing again in a conversation
 * whose ticket waits on them or was resolved (it resumes or reopens).
 */
@Component(service = EventHandler.class)
@EventTopics({RoutingEvents.ACTION, ConversationEvents.OPENED, ConversationEvents.MESSAGE_RECEIVED})
public final class TicketTriggers implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TicketTriggers.class);

    private final TicketService tickets;
    private final Conversations conversations;

    @Activate
    public TicketTriggers(@Reference TicketService tickets, @Reference Conversations conversations) {
        this.tickets = tickets;
        this.conversations = conversations;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            switch (event.getTopic()) {
                case RoutingEvents.ACTION -> ruleAction(event);
                case ConversationEvents.OPENED -> opened(event);
                case ConversationEvents.MESSAGE_RECEIVED -> received(event);
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not act on {} for conversation {}: {}", event.getTopic(),
                    event.getProperty(ConversationEvents.CONVERSATION), e.getMessage(), e);
        }
    }

    private void ruleAction(Event event) {
        if (!ActionKind.CREATE_TICKET.name().equals(event.getProperty(RoutingEvents.KIND))) {
            return;
        }
        String conversationId = (String) event.getProperty(RoutingEvents.CONVERSATION);
        String team = (String) event.getProperty(RoutingEvents.TARGET);
        String subject = (String) event.getProperty(RoutingEvents.DETAIL);
        // Rules re-decide waiting conversations every few seconds; one open ticket per conversation and team.
        for (Ticket existing : tickets.forConversation(conversationId)) {
            if (existing.teamId().equals(team) && existing.status() != TicketStatus.CLOSED
                    && existing.status() != TicketStatus.RESOLVED) {
                return;
            }
        }
        Ticket ticket = tickets.create(new NewTicket(null, subject == null || subject.isBlank()
                ? "Follow-up from a conversation" : subject, "Created by the routing rule \""
                + event.getProperty(RoutingEvents.RULE) + "\".", Priority.NORMAL, null, team, null, conversationId,
                Map.of(), "rule"), null);
        LOG.info("Routing rule {} created ticket #{} for team {}", event.getProperty(RoutingEvents.RULE), ticket.id(),
                team);
    }

    private void opened(Event event) {
        if (!tickets.ticketsFromEmail() || !"email".equals(event.getProperty(ConversationEvents.CHANNEL))) {
            return;
        }
        String conversationId = (String) event.getProperty(ConversationEvents.CONVERSATION);
        if (!tickets.forConversation(conversationId).isEmpty()) {
            return;
        }
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return;
        }
        String subject = conversation.subject() == null || conversation.subject().isBlank()
                ? "Email from a customer" : conversation.subject();
        String body = conversations.messages(conversationId, 0, 1).stream().map(Message::body).findFirst().orElse(null);
        tickets.create(new NewTicket("email", subject.length() > 300 ? subject.substring(0, 300) : subject, body,
                Priority.NORMAL, conversation.customerId(), null, null, conversationId, Map.of(), "email"), null);
    }

    private void received(Event event) {
        String conversationId = (String) event.getProperty(ConversationEvents.CONVERSATION);
        String messageId = (String) event.getProperty(ConversationEvents.MESSAGE);
        if (conversationId == null) {
            return;
        }
        if (messageId != null) {
            Message message = conversations.message(messageId).orElse(null);
            if (message != null && message.direction() != MessageDirection.INBOUND) {
                return;
            }
        }
        tickets.customerWrote(conversationId);
    }
}
