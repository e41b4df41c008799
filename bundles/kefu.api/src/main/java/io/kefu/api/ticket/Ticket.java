package io.kefu.api.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Work that outlives a conversation: a refund to check, an invoice to reissue. */
public record Ticket(String id, String type, String subject, Priority priority, TicketStatus status,
        String customerId, String assigneeId, String teamId, List<String> conversationIds,
        Map<String, String> customFields, Instant createdAt, Instant updatedAt) {
    public Ticket {
        conversationIds = List.copyOf(conversationIds);
        customFields = Map.copyOf(customFields);
    }
}
