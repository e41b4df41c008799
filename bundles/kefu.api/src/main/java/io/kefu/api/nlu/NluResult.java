package io.kefu.api.nlu;

import java.util.List;
import java.util.Locale;

/** Everything understanding adds to one message. */
public record NluResult(String messageId, Locale language, IntentPrediction intent, List<Entity> entities,
        Sentiment sentiment) {
    public NluResult {
        entities = List.copyOf(entities);
    }
}
