package io.kefu.api.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message in a conversation. {@code channelMessageId} is the id the channel gave it (an email Message-ID,
 * a webhook idempotency key); it makes re-delivery harmless. {@code authorId} is the agent for outbound
 * messages and notes, null for the customer and the bot.
 */
public record Message(String id, String conversationId, MessageDirection direction, String channel, String body,
        String channelMessageId, String authorId, List<Attachment> attachments, DeliveryState delivery,
        Instant sentAt) {
    public Message {
        attachments = List.copyOf(attachments);
    }
}
