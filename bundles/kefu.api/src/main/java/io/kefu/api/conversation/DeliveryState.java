package io.kefu.api.conversation;

/**
 * Where a message is on its way. Inbound messages are RECEIVED (stored before the channel acknowledged them);
 * replies are PENDING until their channel accepts them (SENT) or gives up (FAILED); internal notes travel nowhere.
 */
public enum DeliveryState {
    RECEIVED, PENDING, SENT, FAILED, INTERNAL
}
