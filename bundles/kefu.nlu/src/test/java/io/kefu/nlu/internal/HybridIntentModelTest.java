package io.kefu.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.spi.SentenceEncoder;
import io.kefu.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plumbing of the hybrid model: an installed encoder joins the training, leaving or failing costs nothing. The
 * real encoders (kefu.nlu.embeddings) are measured by the evaluation tool; here a stand-in hashes character pairs,
 * which is enough to change the model's features and to fail on demand.
 */
class HybridIntentModelTest {
    /** Character pairs hashed into 64 buckets, unit length: a crude but real sentence vector. */
    private static final class PairHashEncoder implements SentenceEncoder {
        private final Set<String> languages;
        volatile boolean failing;

        PairHashEncoder(Set<String> languages) {
            this.languages = languages;
        }

        @Override
        public String model() {
            return "pair-hash-" + String.join("-", languages);
        }

        @Override
        public Set<String> languages() {
            return languages;
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public float[] encode(String text) {
            if (failing) {
                throw new IllegalStateException("encoder stopped");
            }
            float[] v = new float[64];
            String s = text.toLowerCase(Locale.ROOT);
            for (int i = 0; i + 1 < s.length(); i++) {
                byte[] pair = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                v[Math.floorMod(java.util.Arrays.hashCode(pair), 64)] += 1;
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < v.length && norm > 0; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            return v;
        }
    }

    @Test
    void anInstalledEncoderJoinsTheNextTrainingAndItsRemovalFallsBackToNgramsAtOnce() throws Exception {
        try (NluFixture f = new NluFixture(TestDatabase.H2)) {
            assertThat(f.classifier.embeddingModels()).isEmpty();
            PairHashEncoder zh = new PairHashEncoder(Set.of("zh"));
            PairHashEncoder en = new PairHashEncoder(Set.of("en"));
            f.classifier.addEncoder(zh, Map.of("service.ranking", 0));
            f.classifier.addEncoder(en, Map.of("service.ranking", 5));
            assertThat(f.classifier.retrain("test").outcome()).contains("embeddings").contains("pair-hash-en")
                    .contains("pair-hash-zh");
            assertThat(f.classifier.embeddingModels()).containsExactly("pair-hash-en", "pair-hash-zh");
            assertThat(f.classifier.classify("我想申请退款，钱什么时候退回来", Locale.CHINESE, List.of()).intent())
                    .isEqualTo("refund");
            assertThat(f.classifier.classify("I would like my money back for this order", Locale.ENGLISH, List.of())
                    .intent()).isEqualTo("refund");

            f.classifier.removeEncoder(en);
            assertThat(f.classifier.embeddingModels()).as("the n-gram model serves until the retrain").isEmpty();
            assertThat(f.classifier.classify("发票开错了，能重新开吗", Locale.CHINESE, List.of()).intent())
                    .isEqualTo("invoice");
            f.classifier.retrain("test");
            assertThat(f.classifier.embeddingModels()).containsExactly("pair-hash-zh");
        }
    }

    @Test
    void anEncoderFailingOnAMessageLeavesTheAnswerToTheNgramModel() throws Exception {
        try (NluFixture f = new NluFixture(TestDatabase.H2)) {
            PairHashEncoder zh = new PairHashEncoder(Set.of("zh"));
            f.classifier.addEncoder(zh, Map.of());
            f.classifier.retrain("test");
            zh.failing = true;
            assertThat(f.classifier.classify("发票开错了，能重新开吗", Locale.CHINESE, List.of()).intent())
                    .isEqualTo("invoice");
        }
    }
}
