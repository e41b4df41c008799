package io.kefu.api.conversation;

import java.time.Instant;

/**
 * A thread of messages between one customer and the company on one channel. {@code assigneeId} and
 * {@code queueId} are null until routing sets them.
 */
public record Conversation(String id, String customerId, String channel, ConversationStatus status,
        HandlingState handling, String queueId, String assigneeId, String subject, Instant openedAt,
        Instant updatedAt) {
}
