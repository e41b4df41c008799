package io.kefu.api.nlu;

/** Coarse sentiment; ANGRY is the negative that should reach a person quickly. */
public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE, ANGRY
}
