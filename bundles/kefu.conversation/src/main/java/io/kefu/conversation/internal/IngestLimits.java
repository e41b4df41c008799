package io.kefu.conversation.internal;

import io.kefu.api.conversation.Attachment;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.MessageRejectedException;
import java.time.Duration;

/** What an inbound message may be; checked before anything is stored. */
record IngestLimits(int maxBodyChars, int maxAttachments, long maxAttachmentBytes, Duration reopenWindow) {
    IngestLimits {
        if (maxBodyChars < 1 || maxAttachments < 0 || maxAttachmentBytes < 0 || reopenWindow.isNegative()) {
            throw new IllegalArgumentException("conversation limits must be positive (maxBodyChars at least 1)");
        }
    }

    static IngestLimits from(ConversationConfig config) {
        return new IngestLimits(config.maxBodyChars(), config.maxAttachments(), config.maxAttachmentBytes(),
                Duration.ofHours(config.reopenWindowHours()));
    }

    static IngestLimits defaults() {
        return new IngestLimits(20_000, 10, 25L * 1024 * 1024, Duration.ofHours(72));
    }

    void check(InboundMessage message) {
        if (message.from() == null) {
            throw new MessageRejectedException("message.no_sender", "A message needs a sender identity", false);
        }
        if (message.channel() == null || message.channel().isBlank()) {
            throw new MessageRejectedException("message.no_channel", "A message needs a channel", false);
        }
        String body = message.body() == null ? "" : message.body();
        if (body.isBlank() && message.attachments().isEmpty()) {
            throw new MessageRejectedException("message.empty", "A message needs text or an attachment", false);
        }
        if (body.length() > maxBodyChars) {
            throw new MessageRejectedException("message.too_long", "The message has " + body.length()
                    + " characters; at most " + maxBodyChars + " are accepted", true);
        }
        if (message.attachments().size() > maxAttachments) {
            throw new MessageRejectedException("message.too_many_attachments", "The message has "
                    + message.attachments().size() + " attachments; at most " + maxAttachments + " are accepted", true);
        }
        for (Attachment attachment : message.attachments()) {
            if (attachment.sizeBytes() > maxAttachmentBytes) {
                throw new MessageRejectedException("message.attachment_too_large", "The attachment "
                        + attachment.fileName() + " has " + attachment.sizeBytes() + " bytes; at most "
                        + maxAttachmentBytes + " are accepted", true);
            }
        }
        if (message.channelMessageId() != null && message.channelMessageId().length() > 255) {
            throw new MessageRejectedException("message.id_too_long", "A channel message id has at most 255 characters",
                    false);
        }
    }
}
