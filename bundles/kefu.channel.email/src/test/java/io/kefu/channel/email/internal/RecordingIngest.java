package io.kefu.channel.email.internal;

import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.IngestReceipt;
import io.kefu.api.conversation.MessageIngest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Stands in for Kefu's conversation bundle at the edge of this one: records every call and, like the real
 * IngestService, answers a channel message id it has seen with the first receipt, marked duplicate. A test can make
 * the next calls fail by setting {@link #failWith}.
 */
final class RecordingIngest implements MessageIngest {
    final List<InboundMessage> calls = new CopyOnWriteArrayList<>();
    private final Map<String, IngestReceipt> stored = new ConcurrentHashMap<>();
    /** When set, decides per message whether to throw (return the exception) or store (return null). */
    volatile Function<InboundMessage, RuntimeException> failWith = m -> null;

    @Override
    public IngestReceipt ingest(InboundMessage message) {
        calls.add(message);
        RuntimeException failure = failWith.apply(message);
        if (failure != null) {
            throw failure;
        }
        IngestReceipt first = stored.get(message.channelMessageId());
        if (first != null) {
            return new IngestReceipt(first.messageId(), first.conversationId(), first.customerId(), true);
        }
        IngestReceipt receipt = new IngestReceipt(UUID.randomUUID().toString(), "conv-" + stored.size(),
                "cust-" + message.from().value(), false);
        stored.put(message.channelMessageId(), receipt);
        return receipt;
    }

    int storedCount() {
        return stored.size();
    }

    InboundMessage last() {
        return calls.get(calls.size() - 1);
    }
}
