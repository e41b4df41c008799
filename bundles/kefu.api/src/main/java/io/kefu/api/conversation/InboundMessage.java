package io.kefu.api.conversation;

import io.kefu.api.customer.ChannelIdentity;
import java.time.Instant;
import java.util.List;

/**
 * What a channel hands over when a customer writes: who (as the channel knows them), what, and the channel's own
 * id for the message so that a re-delivery is recognised. {@code threadHint} lets a channel point at an earlier
 * message it replies to (an email's In-Reply-To), or is null.
 */
public record InboundMessage(String channel, ChannelIdentity from, String body, String channelMessageId,
        String threadHint, List<Attachment> attachments, Instant receivedAt) {
    public InboundMessage {
        attachments = List.copyOf(attachments);
    }
}
