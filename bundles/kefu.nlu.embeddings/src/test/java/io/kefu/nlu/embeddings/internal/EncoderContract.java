package io.kefu.nlu.embeddings.internal;

import static io.kefu.nlu.embeddings.internal.TestEncoders.cosine;
import static io.kefu.nlu.embeddings.internal.TestEncoders.length;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kefu.api.spi.SentenceEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every encoder promises (SentenceEncoder's contract), checked on the real model. */
abstract class EncoderContract {
    abstract EncoderModel model();

    abstract List<String> messages();

    SentenceEncoder encoder() {
        return TestEncoders.get(model());
    }

    @Test
    void describesItself() {
        SentenceEncoder encoder = encoder();
        assertThat(encoder.model()).isEqualTo(model().modelName());
        assertThat(encoder.languages()).isEqualTo(model().languages());
        assertThat(encoder.dimension()).isEqualTo(model().dimension());
    }

    @Test
    void vectorsHaveTheStatedDimensionAndUnitLength() {
        for (String message : messages()) {
            float[] vector = encoder().encode(message);
            assertThat(vector).hasSize(model().dimension());
            assertThat(length(vector)).as(message).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void sameTextSameVector() {
        String message = messages().get(0);
        assertThat(encoder().encode(message)).containsExactly(encoder().encode(message));
    }

    @Test
    void awkwardInputGivesAUnitVectorAndNeverThrows() {
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 100_000) {
            huge.append(messages().get(huge.length() % messages().size())).append(' ');
        }
        String[] inputs = {null, "", " ", "\t\n\r  ", "\u3000\u00a0", "😀😀😂", "👍🏽", "👨‍👩‍👧", "❤️", "\u0000\u0001\u0002",
            "\u200b\u200d\ufeff", "\ud83d", "abc\udc00def", "\u0301\u0301", "\ue000", "\uffff", "?!...", "12345",
            huge.toString(), "a".repeat(100_000), "字".repeat(100_000), "\u0000".repeat(100_000) + "refund"};
        for (String input : inputs) {
            float[] vector = encoder().encode(input);
            String label = input == null ? "null" : input.length() > 20 ? input.length() + " chars" : input;
            assertThat(vector).as(label).isNotNull().hasSize(model().dimension());
            assertThat(length(vector)).as(label).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void nothingToEncodeIsOneVectorForAllBlankTexts() {
        float[] empty = encoder().encode("");
        assertThat(encoder().encode(null)).containsExactly(empty);
        assertThat(encoder().encode(" \n\t ")).containsExactly(empty);
        assertThat(encoder().encode("\u0000\u200b")).containsExactly(empty);
        // and not what a real message gets
        assertThat(cosine(empty, encoder().encode(messages().get(0)))).isLessThan(0.99);
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsOneCaller() throws Exception {
        List<String> messages = messages();
        List<float[]> serial = new ArrayList<>();
        for (String message : messages) {
            serial.add(encoder().encode(message));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> encodeAll(messages, offset)));
            }
            for (Future<List<float[]>> result : results) {
                List<float[]> vectors = result.get();
                for (int i = 0; i < messages.size(); i++) {
                    assertThat(vectors.get(i)).as(messages.get(i)).containsExactly(serial.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each thread starts at another message and goes round three times, keeping the last round's vectors. */
    private List<float[]> encodeAll(List<String> messages, int offset) {
        float[][] vectors = new float[messages.size()][];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < messages.size(); i++) {
                int index = (i + offset) % messages.size();
                vectors[index] = encoder().encode(messages.get(index));
            }
        }
        return List.of(vectors);
    }
}
