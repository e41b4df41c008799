package io.kefu.api.spi;

import io.kefu.api.nlu.Sentiment;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/** Rates the sentiment of one message. The highest-ranked registered analyzer is used. */
@ConsumerType
public interface SentimentAnalyzer {
    Sentiment analyze(String text, Locale language);
}
