package io.kefu.knowledge.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;

/**
 * Event Admin topics the knowledge bundle posts after each committed change, and their property names. The bot and
 * caches of answers subscribe to {@link #ALL}. (Internal while no other bundle needs the names; they move to
 * {@code io.kefu.api.knowledge} when one does.)
 */
final class KnowledgeEvents {
    /** Properties of every article event: article, version, status, language, actor. */
    static final String CREATED = "kefu/knowledge/CREATED";
    static final String UPDATED = "kefu/knowledge/UPDATED";
    static final String PUBLISHED = "kefu/knowledge/PUBLISHED";
    static final String ARCHIVED = "kefu/knowledge/ARCHIVED";
    static final String RESTORED = "kefu/knowledge/RESTORED";
    /** Properties: article, actor. */
    static final String DELETED = "kefu/knowledge/DELETED";
    /** One event per import. Properties: created, updated, unchanged (counts), actor. */
    static final String IMPORTED = "kefu/knowledge/IMPORTED";
    static final String ALL = "kefu/knowledge/*";

    static final String ARTICLE = "article";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String LANGUAGE = "language";
    static final String ACTOR = "actor";
    static final String CREATED_COUNT = "created";
    static final String UPDATED_COUNT = "updated";
    static final String UNCHANGED_COUNT = "unchanged";

    private KnowledgeEvents() {
    }

    /** {@code keysAndValues} alternate property names and values; null values are left out. */
    static Event event(String topic, Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                properties.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
            }
        }
        return new Event(topic, properties);
    }
}
