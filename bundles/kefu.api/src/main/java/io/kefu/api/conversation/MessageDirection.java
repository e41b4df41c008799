package io.kefu.api.conversation;

/** Which way a message travels. Internal notes never reach the customer. */
public enum MessageDirection {
    INBOUND, OUTBOUND, INTERNAL_NOTE
}
