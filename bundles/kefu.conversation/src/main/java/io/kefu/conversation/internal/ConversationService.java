package io.kefu.conversation.internal;

import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.DeliveryState;
import io.kefu.api.conversation.HandlingState;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.conversation.MessageRejectedException;
import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.conversation.internal.Rows.ConversationRow;
import io.kefu.conversation.internal.Rows.MessageRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Conversations as agents and later stages change them. Replies are stored as PENDING and handed to
 * {@link OutboundDelivery}, which delivers them through the conversation's channel; a restart finds the pending ones
 * again, so an accepted reply is never lost.
 */
@Component(service = {Conversations.class, ConversationService.class})
public final class ConversationService implements Conversations {
    static final int MAX_REPLY_CHARS = 20_000;

    private final ConversationData data;
    private final ConversationEventPublisher events;
    private final OutboundDelivery delivery;
    private final AuditLog audit;
    private final Clock clock;
    private final IngestService ingest;

    @Activate
    public ConversationService(@Reference ConversationData data, @Reference ConversationEventPublisher events,
            @Reference OutboundDelivery delivery, @Reference AuditLog audit, @Reference IngestService ingest) {
        this(data, events, delivery, audit, ingest, Clock.systemUTC());
    }

    ConversationService(ConversationData data, ConversationEventPublisher events, OutboundDelivery delivery,
            AuditLog audit, IngestService ingest, Clock clock) {
        this.ingest = ingest;
        this.data = data;
        this.events = events;
        this.delivery = delivery;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(data.read(m -> m.conversation(conversationId))).map(ConversationRow::toConversation);
    }

    @Override
    public Optional<Conversation> current(io.kefu.api.customer.ChannelIdentity identity, String channel) {
        return ingest.currentFor(identity, channel).map(ConversationRow::toConversation);
    }

    @Override
    public List<Message> latest(String conversationId, int limit) {
        require(conversationId);
        List<MessageRow> newestFirst = data.read(m -> m.latestMessages(conversationId, limit));
        List<MessageRow> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return Rows.messages(oldestFirst);
    }

    @Override
    public Optional<Message> message(String messageId) {
        return Optional.ofNullable(data.read(m -> m.message(messageId))).map(Rows.MessageRow::toMessage);
    }

    @Override
    public List<Message> messages(String conversationId, int offset, int limit) {
        require(conversationId);
        return Rows.messages(data.read(m -> m.messages(conversationId, offset, limit)));
    }

    @Override
    public Message reply(String conversationId, String body, KefuUser actor) {
        Message reply = store(conversationId, body, actor, MessageDirection.OUTBOUND, DeliveryState.PENDING);
        delivery.deliver(reply.id());
        return reply;
    }

    @Override
    public Message note(String conversationId, String body, KefuUser actor) {
        return store(conversationId, body, actor, MessageDirection.INTERNAL_NOTE, DeliveryState.INTERNAL);
    }

    private Message store(String conversationId, String body, KefuUser actor, MessageDirection direction,
            DeliveryState state) {
        if (body == null || body.isBlank()) {
            throw new MessageRejectedException("message.empty", "Write something first", false);
        }
        if (body.length() > MAX_REPLY_CHARS) {
            throw new MessageRejectedException("message.too_long", "A reply has at most " + MAX_REPLY_CHARS
                    + " characters", true);
        }
        ConversationRow conversation = require(conversationId);
        Instant now = clock.instant();
        MessageRow row = new MessageRow(0, UUID.randomUUID().toString(), conversationId, direction.name(),
                conversation.channel(), null, body, actor == null ? null : actor.id(), null, state.name(), null, now);
        data.execute(m -> {
            m.insertMessage(row);
            if (direction == MessageDirection.OUTBOUND) {
                // The customer now has an answer: the ball is in their court until they write again.
                m.touch(conversationId, now, ConversationStatus.PENDING.name());
            }
        });
        events.post(ConversationEvents.MESSAGE_SENT, ConversationEvents.CONVERSATION, conversationId,
                ConversationEvents.CUSTOMER, conversation.customerId(), ConversationEvents.MESSAGE, row.id(),
                ConversationEvents.CHANNEL, conversation.channel(), ConversationEvents.ACTOR, actorName(actor));
        return row.toMessage();
    }

    @Override
    public Conversation assign(String conversationId, String assigneeId, KefuUser actor) {
        ConversationRow before = require(conversationId);
        HandlingState handling = assigneeId == null ? HandlingState.QUEUED : HandlingState.AGENT;
        data.execute(m -> m.assign(conversationId, assigneeId, handling.name(), clock.instant()));
        audit.record(actorName(actor), "conversation.assign", "conversation:" + conversationId,
                assigneeId == null ? "unassigned" : "to user " + assigneeId);
        events.post(ConversationEvents.ASSIGNED, ConversationEvents.CONVERSATION, conversationId,
                ConversationEvents.ASSIGNEE, assigneeId, ConversationEvents.ACTOR, actorName(actor));
        if (HandlingState.BOT.name().equals(before.handling()) && handling == HandlingState.AGENT) {
            events.post(ConversationEvents.HANDED_OFF, ConversationEvents.CONVERSATION, conversationId,
                    ConversationEvents.ACTOR, actorName(actor));
        }
        return require(conversationId).toConversation();
    }

    @Override
    public Conversation queue(String conversationId, String queueId, KefuUser actor) {
        require(conversationId);
        data.execute(m -> m.setQueue(conversationId, queueId, clock.instant()));
        events.post(ConversationEvents.QUEUED, ConversationEvents.CONVERSATION, conversationId,
                ConversationEvents.QUEUE, queueId, ConversationEvents.ACTOR, actorName(actor));
        return require(conversationId).toConversation();
    }

    @Override
    public Conversation setHandling(String conversationId, HandlingState handling, KefuUser actor) {
        ConversationRow before = require(conversationId);
        data.execute(m -> m.setHandling(conversationId, handling.name(), clock.instant()));
        if (HandlingState.BOT.name().equals(before.handling()) && handling != HandlingState.BOT) {
            events.post(ConversationEvents.HANDED_OFF, ConversationEvents.CONVERSATION, conversationId,
                    ConversationEvents.ACTOR, actorName(actor));
        }
        return require(conversationId).toConversation();
    }

    @Override
    public Conversation setStatus(String conversationId, ConversationStatus status, KefuUser actor) {
        require(conversationId);
        data.execute(m -> m.setStatus(conversationId, status.name(), clock.instant()));
        audit.record(actorName(actor), "conversation.status", "conversation:" + conversationId, status.name());
        events.post(ConversationEvents.STATUS_CHANGED, ConversationEvents.CONVERSATION, conversationId,
                ConversationEvents.STATUS, status.name(), ConversationEvents.ACTOR, actorName(actor));
        return require(conversationId).toConversation();
    }

    private ConversationRow require(String conversationId) {
        ConversationRow row = data.read(m -> m.conversation(conversationId));
        if (row == null) {
            throw new NoSuchElementException("no conversation " + conversationId);
        }
        return row;
    }

    private static String actorName(KefuUser actor) {
        return actor == null ? "system" : actor.username();
    }
}
