package io.kefu.api.conversation;

/** Where a conversation is in its life, as the customer and reports see it. */
public enum ConversationStatus {
    OPEN, PENDING, RESOLVED, CLOSED
}
