package io.kefu.api.conversation;

import io.kefu.api.security.KefuUser;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reading and changing conversations, for the workbench and for later stages (the bot, routing). Every change is
 * committed before the matching {@link ConversationEvents} event is posted. {@code actor} is the person acting, or
 * null for Kefu itself (the bot, a rule).
 *
 * @throws java.util.NoSuchElementException from every method given an unknown conversation id
 */
@ProviderType
public interface Conversations {
    Optional<Conversation> find(String conversationId);

    /**
     * The conversation a customer known by {@code identity} would continue on {@code channel} if they wrote now
     * (open, pending, or resolved lately), or empty; lets a channel show a returning visitor their history.
     */
    Optional<Conversation> current(io.kefu.api.customer.ChannelIdentity identity, String channel);

    /** One message by its id, or empty; for stages that react to a message event (understanding, the bot). */
    Optional<Message> message(String messageId);

    /** Messages oldest first, internal notes included. */
    List<Message> messages(String conversationId, int offset, int limit);

    /** The newest {@code limit} messages, oldest first, internal notes included (for a channel's history). */
    List<Message> latest(String conversationId, int limit);

    /** Stores a reply and hands it to the conversation's channel for delivery (asynchronously, with retries). */
    Message reply(String conversationId, String body, KefuUser actor);

    /** Stores an internal note, which the customer never sees. */
    Message note(String conversationId, String body, KefuUser actor);

    /** Assigns the conversation to an agent (a user id), or unassigns it with null; handling becomes AGENT or QUEUED. */
    Conversation assign(String conversationId, String assigneeId, KefuUser actor);

    /**
     * Puts the conversation in a routing queue (null takes it out of every queue). It keeps its assignee: routing
     * assigns separately, once an agent is free. Posts {@link ConversationEvents#QUEUED}.
     */
    Conversation queue(String conversationId, String queueId, KefuUser actor);

    Conversation setHandling(String conversationId, HandlingState handling, KefuUser actor);

    Conversation setStatus(String conversationId, ConversationStatus status, KefuUser actor);
}
