package io.kefu.api.spi;

import io.kefu.api.conversation.Attachment;
import io.kefu.api.customer.ChannelIdentity;
import java.util.List;

/** A message Kefu asks a channel to deliver to a customer. {@code inReplyTo} is the channel message id answered. */
public record OutboundMessage(String messageId, String conversationId, ChannelIdentity to, String body,
        String inReplyTo, List<Attachment> attachments) {
    public OutboundMessage {
        attachments = List.copyOf(attachments);
    }
}
