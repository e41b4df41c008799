package io.kefu.knowledge.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;

/**
 * Lists of short strings (alternative questions, tags) as JSON arrays in one column: they are always read and
 * written with their article, and a JSON array keeps any character a question may hold.
 */
final class JsonLists {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonLists() {
    }

    static String write(Collection<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    static List<String> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored list is not a JSON array of strings: " + json, e);
        }
    }
}
