package io.kefu.conversation.internal;

import io.kefu.api.security.AuditEntry;
import io.kefu.api.security.AuditLog;
import io.kefu.api.spi.Channel;
import io.kefu.api.spi.DeliveryReceipt;
import io.kefu.api.spi.OutboundMessage;
import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The conversation services wired by hand on a real database. Event Admin, the audit log and channels are the
 * edges: they are recorded here instead of delivered.
 */
final class ConversationFixture implements AutoCloseable {
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** A channel that records what it is asked to send and answers as told. */
    static final class RecordingChannel implements Channel {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        volatile Function<OutboundMessage, DeliveryReceipt> answer = m -> DeliveryReceipt.delivered("out-" + m.messageId());
        private final String id;

        RecordingChannel(String id) {
            this.id = id;
        }

        @Override public String id() { return id; }
        @Override public String displayName() { return id; }

        @Override
        public DeliveryReceipt send(OutboundMessage message) {
            sent.add(message);
            return answer.apply(message);
        }
    }

    final ScratchDatabase scratch;
    final PooledStore store;
    final ManualClock clock = new ManualClock();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    final ConversationData data;
    final IngestService ingest;
    final OutboundDelivery delivery;
    final ConversationService conversations;

    ConversationFixture(TestDatabase database) {
        scratch = database.create();
        store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
        data = new ConversationData(store);
        EventAdmin eventAdmin = new EventAdmin() {
            @Override public void postEvent(Event event) { events.add(event); }
            @Override public void sendEvent(Event event) { events.add(event); }
        };
        ConversationEventPublisher publisher = new ConversationEventPublisher(eventAdmin);
        ingest = new IngestService(data, publisher, IngestLimits.defaults(), clock);
        delivery = new OutboundDelivery(data, publisher);
        AuditLog auditLog = new AuditLog() {
            @Override
            public void record(String actor, String action, String target, String detail) {
                audit.add(new AuditEntry(audit.size() + 1, clock.instant(), actor, action, target, detail));
            }

            @Override
            public List<AuditEntry> recent(int offset, int limit) {
                return List.copyOf(audit);
            }
        };
        conversations = new ConversationService(data, publisher, delivery, auditLog, ingest, clock);
    }

    List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    Map<String, Object> lastEvent(String topic) {
        Event event = events.stream().filter(e -> e.getTopic().equals(topic)).reduce((a, b) -> b).orElseThrow();
        return java.util.Arrays.stream(event.getPropertyNames()).collect(java.util.stream.Collectors.toMap(n -> n,
                event::getProperty));
    }

    @Override
    public void close() throws Exception {
        delivery.stop();
        data.close();
        store.close();
        scratch.close();
    }
}
