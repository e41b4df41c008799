package io.kefu.conversation.internal;

import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.DeliveryState;
import io.kefu.api.spi.Channel;
import io.kefu.api.spi.DeliveryReceipt;
import io.kefu.api.spi.OutboundMessage;
import io.kefu.conversation.internal.Rows.ConversationRow;
import io.kefu.conversation.internal.Rows.MessageRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored replies through their conversation's channel, off the caller's thread. A failure the channel
 * calls retryable (or a channel plug-in that is not installed right now) is tried again after 1 s, 5 s, 30 s, 2 min
 * and 10 min; then the reply is marked FAILED with the channel's reason, for the agent to see. Replies still
 * PENDING when Kefu stopped are picked up again at start.
 */
@Component(service = OutboundDelivery.class)
public final class OutboundDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundDelivery.class);
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10));

    private final ConversationData data;
    private final ConversationEventPublisher events;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kefu-outbound-delivery");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public OutboundDelivery(@Reference ConversationData data, @Reference ConversationEventPublisher events) {
        this.data = data;
        this.events = events;
        List<MessageRow> pending = data.read(ConversationMapper::pendingDeliveries);
        if (!pending.isEmpty()) {
            LOG.info("Resuming delivery of {} replies that were pending", pending.size());
        }
        pending.forEach(m -> schedule(m.id(), 0, Duration.ofSeconds(2)));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(Channel channel) {
        channels.put(channel.id(), channel);
    }

    void removeChannel(Channel channel) {
        channels.remove(channel.id(), channel);
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    void deliver(String messageId) {
        schedule(messageId, 0, Duration.ZERO);
    }

    private void schedule(String messageId, int attempt, Duration delay) {
        if (!worker.isShutdown()) {
            worker.schedule(() -> attempt(messageId, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(String messageId, int attempt) {
        try {
            MessageRow message = data.read(m -> m.message(messageId));
            if (message == null || !DeliveryState.PENDING.name().equals(message.delivery())) {
                return;
            }
            ConversationRow conversation = data.read(m -> m.conversation(message.conversationId()));
            Channel channel = channels.get(conversation.channel());
            DeliveryReceipt receipt;
            if (channel == null) {
                receipt = DeliveryReceipt.failed("the " + conversation.channel() + " channel is not installed", true);
            } else {
                String inReplyTo = data.read(m -> m.lastInboundChannelId(conversation.id()));
                receipt = send(channel, new OutboundMessage(message.id(), conversation.id(), conversation.contact(),
                        message.body(), inReplyTo, AttachmentList.parse(message.attachments())));
            }
            if (receipt.delivered()) {
                data.execute(m -> m.setDelivery(messageId, DeliveryState.SENT.name(), null, receipt.channelMessageId()));
                announce(conversation.id(), messageId, DeliveryState.SENT);
            } else if (receipt.retryable() && attempt < BACKOFF.size()) {
                schedule(messageId, attempt + 1, BACKOFF.get(attempt));
            } else {
                LOG.warn("Giving up delivering reply {} on {}: {}", messageId, conversation.channel(), receipt.error());
                data.execute(m -> m.setDelivery(messageId, DeliveryState.FAILED.name(), clip(receipt.error()), null));
                announce(conversation.id(), messageId, DeliveryState.FAILED);
            }
        } catch (RuntimeException e) {
            LOG.error("Delivery attempt {} of reply {} failed", attempt + 1, messageId, e);
            if (attempt < BACKOFF.size()) {
                schedule(messageId, attempt + 1, BACKOFF.get(attempt));
            }
        }
    }

    private void announce(String conversationId, String messageId, DeliveryState state) {
        events.post(ConversationEvents.DELIVERY_CHANGED, ConversationEvents.CONVERSATION, conversationId,
                ConversationEvents.MESSAGE, messageId, ConversationEvents.STATUS, state.name());
    }

    /** A channel that throws is treated like one that reports a retryable failure. */
    private static DeliveryReceipt send(Channel channel, OutboundMessage message) {
        try {
            DeliveryReceipt receipt = channel.send(message);
            return receipt == null ? DeliveryReceipt.failed("the channel gave no receipt", true) : receipt;
        } catch (RuntimeException e) {
            LOG.warn("Channel {} failed to send reply {}: {}", channel.id(), message.messageId(), e.toString());
            return DeliveryReceipt.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), true);
        }
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }
}
