package io.kefu.conversation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.conversation}, in {@code conf/kefu.conversation.cfg}; applied while running. */
@ObjectClassDefinition(name = "Kefu conversations", description = "Limits on inbound messages and how conversations continue")
@interface ConversationConfig {
    @AttributeDefinition(description = "Longest message body accepted, in characters.", min = "1")
    int maxBodyChars() default 20_000;

    @AttributeDefinition(description = "Most attachments on one message.", min = "0")
    int maxAttachments() default 10;

    @AttributeDefinition(description = "Largest attachment accepted, in bytes.", min = "0")
    long maxAttachmentBytes() default 25L * 1024 * 1024;

    @AttributeDefinition(description = "A customer who writes again within this many hours of a resolved conversation"
            + " on the same channel reopens it; later, a new conversation starts.", min = "0")
    int reopenWindowHours() default 72;
}
