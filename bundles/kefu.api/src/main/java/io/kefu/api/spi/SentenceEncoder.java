package io.kefu.api.spi;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a sentence into a fixed-length vector whose direction carries its meaning (a sentence embedding), so that
 * paraphrases land near each other even when they share no words. Kefu's own intent engine adds these vectors to
 * its character and word n-grams when an encoder for the message's language is registered, and retrains when one
 * comes or goes; an encoder is therefore an accuracy plug-in, never a requirement.
 *
 * <p>Implementations must be thread-safe and should answer one short message in a few milliseconds on a CPU:
 * they are called once per incoming message, on the ingest path.
 */
@ConsumerType
public interface SentenceEncoder {
    /** Service property naming the languages served, as ISO 639-1 codes ("en", "zh"); also {@link #languages()}. */
    String LANGUAGES = "kefu.encoder.languages";

    /**
     * The model's stable name and version, for example {@code "bge-small-en-v15-q"}. Models trained on one encoder's
     * vectors are only valid with that encoder; a changed name means retraining.
     */
    String model();

    /** The languages this encoder was trained for, as ISO 639-1 codes. */
    Set<String> languages();

    /** The length of every vector {@link #encode} returns. */
    int dimension();

    /**
     * The sentence's vector, of length {@link #dimension()} and unit length (cosine similarity is then a dot
     * product). Never null; an empty or blank text gives a vector too.
     */
    float[] encode(String text);
}
