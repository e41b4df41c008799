package io.kefu.nlu.embeddings.internal;

import static io.kefu.nlu.embeddings.internal.TestEncoders.cosine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A model of its own (not the shared one), since this test closes it. */
class EncoderLifecycleTest {
    @Test
    void afterCloseEncodeAnswersTheNothingKnownVectorAndCloseWaitsForCallsInside() throws Exception {
        OnnxSentenceEncoder encoder = NativeFolders.loading(TestEncoders.NATIVE,
                () -> OnnxSentenceEncoder.load(EncoderModel.ENGLISH));
        float[] nothing = encoder.encode("");
        float[] refund = encoder.encode("how do I get a refund");
        assertThat(cosine(refund, nothing)).isLessThan(0.99);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch started = new CountDownLatch(3);
            List<Future<List<float[]>>> callers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                callers.add(pool.submit(() -> {
                    started.countDown();
                    List<float[]> vectors = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        vectors.add(encoder.encode("how do I get a refund"));
                    }
                    return vectors;
                }));
            }
            started.await(10, TimeUnit.SECONDS);
            encoder.close();
            // Every answer is whole: the model's own vector before close, the nothing-known vector after it.
            for (Future<List<float[]>> caller : callers) {
                for (float[] vector : caller.get(60, TimeUnit.SECONDS)) {
                    assertThat(vector).satisfiesAnyOf(v -> assertThat(v).containsExactly(refund),
                            v -> assertThat(v).containsExactly(nothing));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(encoder.encode("how do I get a refund")).containsExactly(nothing);
        encoder.close();
    }
}
