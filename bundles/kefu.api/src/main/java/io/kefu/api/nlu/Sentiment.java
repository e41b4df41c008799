package io.kefu.api.nlu;

/** Sentiment of one message; {@code score} runs from -1 (very negative) to 1 (very positive). */
public record Sentiment(SentimentLabel label, double score) {
}
