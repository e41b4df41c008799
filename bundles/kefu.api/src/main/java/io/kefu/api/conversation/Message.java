package io.kefu.api.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message in a conversation. {@code channelMessageId} is the id the channel gave it (an email Message-ID,
 * a webhook idempotency key); it makes re-delivery harmless. {@code authorId} is the agent for outbound
 * messages and notes, null for the customer and the bot. {@code deliveryError} says why the channel gave up on a
 * {@link DeliveryState#FAILED} reply (so the agent knows whether to try another channel), null otherwise.
 */
public record Message(String id, String conversationId, MessageDirection direction, String channel, String body,
        String channelMessageId, String authorId, List<Attachment> attachments, DeliveryState delivery,
        Instant sentAt, String deliveryError) {
    public Message {
        attachments = List.copyOf(attachments);
    }

    /** A message without a delivery error (the constructor of package version 2.0). */
    public Message(String id, String conversationId, MessageDirection direction, String channel, String body,
            String channelMessageId, String authorId, List<Attachment> attachments, DeliveryState delivery,
            Instant sentAt) {
        this(id, conversationId, direction, channel, body, channelMessageId, authorId, attachments, delivery, sentAt,
                null);
    }
}
