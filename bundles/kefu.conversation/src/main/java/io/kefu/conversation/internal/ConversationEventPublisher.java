package io.kefu.conversation.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts conversation events (asynchronously, in order) after the change they describe is committed, so a
 * subscriber that reads the database finds what the event announces.
 */
@Component(service = ConversationEventPublisher.class)
public final class ConversationEventPublisher {
    private final EventAdmin events;

    @Activate
    public ConversationEventPublisher(@Reference EventAdmin events) {
        this.events = events;
    }

    /** {@code keysAndValues} alternate property names and values; null values are left out. */
    void post(String topic, Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                properties.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
            }
        }
        events.postEvent(new Event(topic, properties));
    }
}
