package io.kefu.nlu.internal;

import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.Entity;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a conversation's dialogue state follows its messages. A confident, in-scope intent starts a new topic; a
 * message the classifier is unsure about (a follow-up such as "E20261121000123" or "and how long does it take?")
 * stays with the intent already under discussion. Slot values accumulate across turns and a newer value of the
 * same kind replaces an older one (the customer corrected it). The sentiment trend keeps the last twenty messages.
 */
final class DialogueMemory {
    static final int TREND_LENGTH = 20;

    private DialogueMemory() {
    }

    static DialogueState next(DialogueState previous, String conversationId, NluResult result,
            double newIntentConfidence, Instant now) {
        String intent = previous == null ? null : previous.intent();
        boolean confident = result.intent() != null && result.intent().intent() != null
                && !result.intent().outOfScope() && result.intent().confidence() >= newIntentConfidence;
        if (confident || (intent == null && result.intent() != null && !result.intent().outOfScope())) {
            intent = result.intent().intent();
        }
        Map<String, String> slots = new LinkedHashMap<>(previous == null ? Map.of() : previous.slots());
        for (Entity entity : result.entities()) {
            slots.put(entity.type(), entity.value());
        }
        List<SentimentLabel> trend = new ArrayList<>(previous == null ? List.of() : previous.sentimentTrend());
        if (result.sentiment() != null) {
            trend.add(result.sentiment().label());
        }
        if (trend.size() > TREND_LENGTH) {
            trend = new ArrayList<>(trend.subList(trend.size() - TREND_LENGTH, trend.size()));
        }
        int turns = previous == null ? 1 : previous.turns() + 1;
        return new DialogueState(conversationId, intent, slots, trend, turns, now);
    }
}
