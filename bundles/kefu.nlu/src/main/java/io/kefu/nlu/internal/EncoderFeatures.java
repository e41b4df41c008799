package io.kefu.nlu.internal;

import io.kefu.api.spi.SentenceEncoder;
import io.kefu.nlu.internal.model.DenseFeatures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The installed sentence encoders as one block of dense features: a slot per language, filled by that language's
 * encoder and left zero otherwise. A message goes to one encoder only, chosen by its script (any Han character
 * makes it Chinese), so a hybrid model pays one encoding per message, and a language without an encoder simply
 * keeps the n-grams alone.
 */
public final class EncoderFeatures implements DenseFeatures {
    private static final java.util.Set<String> SERVED = java.util.Set.of("zh", "en");
    private final Map<String, SentenceEncoder> byLanguage;
    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final int dimension;

    /** {@code encoders} best first: the first one claiming a language serves it. */
    public EncoderFeatures(List<SentenceEncoder> encoders) {
        Map<String, SentenceEncoder> chosen = new LinkedHashMap<>();
        for (SentenceEncoder encoder : encoders) {
            for (String language : encoder.languages()) {
                // Messages are routed to "zh" or "en" by script; an encoder for another language would never be asked.
                if (SERVED.contains(language)) {
                    chosen.putIfAbsent(language, encoder);
                }
            }
        }
        this.byLanguage = chosen;
        int offset = 0;
        for (Map.Entry<String, SentenceEncoder> e : chosen.entrySet()) {
            offsets.put(e.getKey(), offset);
            offset += e.getValue().dimension();
        }
        this.dimension = offset;
    }

    /** Null when no encoder serves Chinese or English: the model is then n-grams only. */
    public static EncoderFeatures of(List<SentenceEncoder> encoders) {
        EncoderFeatures features = new EncoderFeatures(encoders);
        return features.dimension == 0 ? null : features;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] features(String text) {
        float[] out = new float[dimension];
        String language = hasHan(text) ? "zh" : "en";
        SentenceEncoder encoder = byLanguage.get(language);
        if (encoder != null) {
            float[] v = encoder.encode(text);
            System.arraycopy(v, 0, out, offsets.get(language), Math.min(v.length, encoder.dimension()));
        }
        return out;
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The encoders in use (each once), which a model trained on these features needs while it serves. */
    public List<SentenceEncoder> encoders() {
        return byLanguage.values().stream().distinct().toList();
    }

    /** The model names per language, e.g. "en=bge-small-en-v15-q, zh=bge-small-zh-v15-q". */
    @Override
    public String describe() {
        return byLanguage.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().model())
                .collect(Collectors.joining(", "));
    }
}
