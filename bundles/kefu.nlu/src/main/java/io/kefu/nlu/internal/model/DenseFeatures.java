package io.kefu.nlu.internal.model;

/**
 * Features a {@link TextClassifier} appends to its n-grams: sentence embeddings, when an encoder is installed. The
 * n-grams are good at exact wording and Chinese characters; the embeddings carry paraphrases with no word in common.
 * A linear model over both learns how far to trust each (docs/nlu.md, "Hybrid model").
 */
public interface DenseFeatures {
    /** The length of every array {@link #features} returns. */
    int dimension();

    /** The text's features, of length {@link #dimension()}; zeros where this source has nothing to say. */
    float[] features(String text);

    /** What it is made of, for the model's description (the encoders' model names). */
    String describe();
}
