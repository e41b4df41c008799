package io.kefu.conversation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.api.conversation.ConversationEvents;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes conversation events to every open workbench (server-sent events), so inboxes update without reloading.
 * Only ids and the kind of change travel; the workbench then reads what it needs through the API with its own
 * permissions. A comment line every 25 s keeps idle connections open through proxies.
 */
@Component(service = {EventHandler.class, LiveEvents.class})
@EventTopics(ConversationEvents.ALL)
public final class LiveEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Subscriber(SseEventSink sink, Sse sse) {
    }

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kefu-live-events");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LiveEvents() {
        heartbeat.scheduleAtFixedRate(this::keepAlive, 25, 25, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        heartbeat.shutdownNow();
        subscribers.forEach(s -> s.sink().close());
        subscribers.clear();
    }

    void subscribe(SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(sink, sse);
        subscribers.add(subscriber);
        send(subscriber, sse.newEventBuilder().comment("connected").build());
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("topic", event.getTopic().substring(event.getTopic().lastIndexOf('/') + 1));
        for (String key : new String[] {ConversationEvents.CONVERSATION, ConversationEvents.CUSTOMER,
                ConversationEvents.MESSAGE, ConversationEvents.ASSIGNEE, ConversationEvents.STATUS}) {
            Object value = event.getProperty(key);
            if (value != null) {
                data.put(key, String.valueOf(value));
            }
        }
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            LOG.warn("Cannot write live event {}: {}", event.getTopic(), e.toString());
            return;
        }
        for (Subscriber subscriber : subscribers) {
            send(subscriber, subscriber.sse().newEventBuilder().name("conversation").data(String.class, json).build());
        }
    }

    private void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, subscriber.sse().newEventBuilder().comment("keep-alive").build());
        }
    }

    private void send(Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink().isClosed()) {
            subscribers.remove(subscriber);
            return;
        }
        subscriber.sink().send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                subscribers.remove(subscriber);
                subscriber.sink().close();
            }
        });
    }
}
