package io.kefu.nlu.embeddings.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/** Each real model loaded once per test JVM, with the tokenizer's native unpacked under target/. */
final class TestEncoders {
    static final Path NATIVE = Path.of("target", "nlu-embeddings-native").toAbsolutePath();
    private static final Map<EncoderModel, OnnxSentenceEncoder> LOADED = new EnumMap<>(EncoderModel.class);

    static {
        // A fresh folder, so the tests see that this run's load unpacked the native here.
        try (Stream<Path> paths = Files.exists(NATIVE) ? Files.walk(NATIVE) : Stream.empty()) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestEncoders() {
    }

    static synchronized OnnxSentenceEncoder get(EncoderModel model) {
        return LOADED.computeIfAbsent(model, m -> NativeFolders.loading(NATIVE, () -> OnnxSentenceEncoder.load(m)));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    static double length(float[] vector) {
        return Math.sqrt(cosine(vector, vector));
    }
}
