package io.kefu.api.spi;

/**
 * A channel's answer to a delivery request. {@code retryable} tells Kefu whether trying again later can help
 * (a timeout) or not (an address that does not exist).
 */
public record DeliveryReceipt(boolean delivered, String channelMessageId, boolean retryable, String error) {
    public static DeliveryReceipt delivered(String channelMessageId) {
        return new DeliveryReceipt(true, channelMessageId, false, null);
    }

    public static DeliveryReceipt failed(String error, boolean retryable) {
        return new DeliveryReceipt(false, null, retryable, error);
    }
}
