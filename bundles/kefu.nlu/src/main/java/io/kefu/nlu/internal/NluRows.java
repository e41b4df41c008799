package io.kefu.nlu.internal;

import java.time.Instant;

/** Rows of the nlu_* tables, as MyBatis maps them. */
public final class NluRows {
    private NluRows() {
    }

    public record IntentRow(String name, String description, String requiredSlots, boolean humanOnly, String updatedBy,
            Instant updatedAt) {
    }

    public record IntentCount(String intent, int examples) {
    }

    public record ExampleRow(String id, String intent, String language, String phrase, Instant createdAt) {
    }

    public record TrainingRunRow(String id, Instant startedAt, Instant finishedAt, String startedBy, int intents,
            int examples, double heldoutAccuracy, int heldoutExamples, String outcome) {
    }

    public record ResultRow(String messageId, String conversationId, String language, String intent, double confidence,
            boolean outOfScope, String entities, String sentiment, double sentimentScore, Instant createdAt) {
    }

    public record DialogueRow(String conversationId, String intent, String slots, String sentimentTrend, int turns,
            Instant updatedAt) {
    }
}
