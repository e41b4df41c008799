package io.kefu.api.nlu;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What understanding remembers about one conversation: the intent being discussed (carried into follow-ups such
 * as "and how long will it take?"), slot values given so far (an order number given once is never asked again),
 * the sentiment of each customer message, oldest first, and how many customer turns there were.
 */
public record DialogueState(String conversationId, String intent, Map<String, String> slots,
        List<SentimentLabel> sentimentTrend, int turns, Instant updatedAt) {
    public DialogueState {
        slots = Map.copyOf(slots);
        sentimentTrend = List.copyOf(sentimentTrend);
    }
}
