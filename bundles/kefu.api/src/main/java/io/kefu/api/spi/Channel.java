package io.kefu.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way customers reach the company (web chat, email, a messaging app). Inbound, a channel hands messages to
 * {@link io.kefu.api.conversation.MessageIngest} and acknowledges to its sender only after the receipt. Outbound,
 * Kefu calls {@link #send} for replies to conversations whose {@code channel} equals {@link #id()}.
 * Register one service per channel; the service property {@code kefu.channel} should repeat {@link #id()}.
 */
@ConsumerType
public interface Channel {
    /** Stable, lower-case id such as {@code webchat}; stored with every conversation. */
    String id();

    /** Name shown to agents and admins. */
    String displayName();

    DeliveryReceipt send(OutboundMessage message);
}
