package io.kefu.nlu.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.nlu.Entity;
import java.util.List;

/** Assertions shared by the tests: an entity's text must be exactly the characters its offsets point at. */
final class Found {
    private Found() {
    }

    static Entity only(List<Entity> entities, String message) {
        assertThat(entities).as("entities in '%s'", message).hasSize(1);
        Entity entity = entities.get(0);
        assertThat(message.substring(entity.start(), entity.end())).as("offsets of %s", entity).isEqualTo(entity.text());
        return entity;
    }

    static void is(Entity entity, String type, String text, String value) {
        assertThat(entity).isEqualTo(new Entity(type, text, value, entity.start(), entity.end()));
    }

    static List<String> types(List<Entity> entities) {
        return entities.stream().map(Entity::type).toList();
    }
}
