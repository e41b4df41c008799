package io.kefu.api.spi;

import io.kefu.api.nlu.IntentPrediction;
import java.util.List;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An NLU engine's intent classification. Several may be registered; the service ranking decides which Kefu asks
 * first. {@code history} holds the conversation's earlier customer messages, oldest first, for engines that use
 * context.
 */
@ConsumerType
public interface IntentClassifier {
    IntentPrediction classify(String text, Locale language, List<String> history);
}
