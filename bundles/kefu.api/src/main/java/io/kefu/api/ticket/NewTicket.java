package io.kefu.api.ticket;

import java.util.Map;

/**
 * What a new ticket starts with. Only {@code subject} is required: {@code type} defaults to {@code general},
 * {@code priority} to NORMAL and {@code teamId} to the configured default team. {@code conversationId} links the
 * conversation it came from, whose customer it takes when {@code customerId} is null. {@code source} says who made
 * it: {@code agent}, {@code rule}, {@code email}, {@code process}, {@code api}.
 */
public record NewTicket(String type, String subject, String description, Priority priority, String customerId,
        String teamId, String assigneeId, String conversationId, Map<String, String> customFields, String source) {
    public NewTicket {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
