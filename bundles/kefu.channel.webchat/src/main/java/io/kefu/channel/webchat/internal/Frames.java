package io.kefu.channel.webchat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageDirection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON frames of the widget protocol (see src/main/resources/webchat/README.md). */
final class Frames {
    static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    /** A message as the widget shows it: no agent ids, no internal notes. */
    record ChatMessage(String id, String direction, String text, String sentAt, String author) {
        static ChatMessage of(Message message) {
            return new ChatMessage(message.id(), message.direction().name(), message.body(),
                    message.sentAt() == null ? null : message.sentAt().toString(), null);
        }
    }

    static boolean visibleToCustomer(Message message) {
        return message.direction() != MessageDirection.INTERNAL_NOTE;
    }

    static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String welcome(String visitorId, String conversationId, List<ChatMessage> history) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "welcome");
        frame.put("visitorId", visitorId);
        frame.put("conversationId", conversationId);
        frame.put("history", history);
        return write(frame);
    }

    static String ack(String clientId, String messageId, String conversationId) {
        return write(Map.of("type", "ack", "clientId", clientId, "messageId", messageId, "conversationId", conversationId));
    }

    static String message(ChatMessage message) {
        return write(Map.of("type", "message", "message", message));
    }

    static String message(String id, MessageDirection direction, String text, Instant sentAt) {
        return message(new ChatMessage(id, direction.name(), text, sentAt.toString(), null));
    }

    static String error(String code, String text, String clientId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", text);
        if (clientId != null) {
            frame.put("clientId", clientId);
        }
        return write(frame);
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    private static String write(Object frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat frame cannot be written as JSON", e);
        }
    }
}
