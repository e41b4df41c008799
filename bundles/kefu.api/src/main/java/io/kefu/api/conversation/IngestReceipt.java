package io.kefu.api.conversation;

/**
 * Proof that an inbound message is stored. A channel acknowledges to its sender only after it holds one.
 * {@code duplicate} is true when the same channel message id had been stored before.
 */
public record IngestReceipt(String messageId, String conversationId, String customerId, boolean duplicate) {
}
