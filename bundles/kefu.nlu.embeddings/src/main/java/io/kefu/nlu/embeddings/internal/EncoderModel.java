package io.kefu.nlu.embeddings.internal;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Set;

/**
 * The encoders this plug-in offers: each a quantized ONNX model with its tokenizer, inside a langchain4j jar. The
 * file names and pooling are those of langchain4j's {@code BgeSmallEnV15QuantizedEmbeddingModel} and
 * {@code BgeSmallZhV15QuantizedEmbeddingModel}, which are not used themselves: they load their model once into a
 * static field that nothing can close (see OnnxModel).
 *
 * <p>English is BGE small rather than the smaller all-MiniLM-L6-v2: in Kefu's hybrid intent model it reached 93.3 %
 * on the BANKING77 dev split against MiniLM's 92.7 % (docs/nlu-evaluation.md), for about twice the encoding time.
 *
 * <p>{@code maxChars} bounds the text handed to the tokenizer, so that a 100 KB message costs no more than a long
 * ordinary one. Both tokenizers stop at DJL's default of 512 tokens (their files set no limit of their own); 1,000
 * characters of English are some 200-250 tokens, and since every Chinese token covers at least one character, 500
 * characters stay below it. So langchain4j's splitting of long texts into 510-token pieces, one model run each,
 * never comes into play. What decides a message's intent is almost always in its first sentences.
 */
enum EncoderModel {
    ENGLISH("bge-small-en-v15-q", "en", 384, 1_000, "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            PoolingMode.CLS),
    CHINESE("bge-small-zh-v15-q", "zh", 512, 500, "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json",
            PoolingMode.CLS);

    private final String modelName;
    private final Set<String> languages;
    private final int dimension;
    private final int maxChars;
    private final String modelFile;
    private final String tokenizerFile;
    private final PoolingMode pooling;

    EncoderModel(String modelName, String language, int dimension, int maxChars, String modelFile,
            String tokenizerFile, PoolingMode pooling) {
        this.modelName = modelName;
        this.languages = Set.of(language);
        this.dimension = dimension;
        this.maxChars = maxChars;
        this.modelFile = modelFile;
        this.tokenizerFile = tokenizerFile;
        this.pooling = pooling;
    }

    String modelName() {
        return modelName;
    }

    Set<String> languages() {
        return languages;
    }

    int dimension() {
        return dimension;
    }

    int maxChars() {
        return maxChars;
    }

    /** Resource of the model jar (on this bundle's class path). */
    String modelFile() {
        return modelFile;
    }

    String tokenizerFile() {
        return tokenizerFile;
    }

    PoolingMode pooling() {
        return pooling;
    }
}
