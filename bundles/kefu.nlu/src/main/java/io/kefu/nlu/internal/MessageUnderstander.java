package io.kefu.nlu.internal;

import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.nlu.Understanding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands every customer message as it arrives. Event Admin delivers posted events on its own thread, so this
 * never delays the channel's acknowledgement.
 */
@Component(service = EventHandler.class)
@EventTopics(ConversationEvents.MESSAGE_RECEIVED)
public final class MessageUnderstander implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageUnderstander.class);

    private final Conversations conversations;
    private final Understanding understanding;

    @Activate
    public MessageUnderstander(@Reference Conversations conversations, @Reference Understanding understanding) {
        this.conversations = conversations;
        this.understanding = understanding;
    }

    @Override
    public void handleEvent(Event event) {
        String messageId = (String) event.getProperty(ConversationEvents.MESSAGE);
        String conversationId = (String) event.getProperty(ConversationEvents.CONVERSATION);
        try {
            Message message = conversations.message(messageId).orElse(null);
            if (message == null || message.direction() != MessageDirection.INBOUND || message.body().isBlank()) {
                return;
            }
            understanding.understand(conversationId, messageId, message.body());
        } catch (RuntimeException e) {
            LOG.error("Could not understand message {} of conversation {}", messageId, conversationId, e);
        }
    }
}
