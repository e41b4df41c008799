package io.kefu.api.nlu;

/**
 * The intent an engine sees in a message. {@code confidence} is a calibrated probability in [0, 1];
 * {@code outOfScope} is true when the message matches none of the known intents.
 */
public record IntentPrediction(String intent, double confidence, boolean outOfScope) {
}
