package io.kefu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.knowledge.internal.FaqEvaluation.Dataset;
import io.kefu.knowledge.internal.FaqEvaluation.Figures;
import io.kefu.knowledge.internal.FaqEvaluation.LabelledQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Knowledge search on the ATEC FAQ set's dev split, read from the shared datasets at run time (or from
 * {@code -Dkefu.atec.faq=<folder>}); skipped where the data is not there. Guards the measured figures against
 * regressions; see the README for what they mean.
 */
class FaqEvaluationTest {
    private static Dataset atec() throws Exception {
        Optional<Path> folder = FaqEvaluation.locate(System.getProperty("kefu.atec.faq"));
        Assumptions.assumeTrue(folder.isPresent(), "the ATEC FAQ data set is not here; evaluation skipped");
        return Dataset.read(folder.get());
    }

    @Test
    void faqQuestionsAreFoundForDevTestQueries() throws Exception {
        Dataset data = atec();
        Figures without = FaqEvaluation.evaluate(data, false, SearchTuning.defaults());
        Figures with = FaqEvaluation.evaluate(data, true, SearchTuning.defaults());
        System.out.println("ATEC dev/test, FAQ questions only:            " + without);
        System.out.println("ATEC dev/test, train queries as alternatives: " + with);
        // Measured 0.121 / 0.278 / 0.188 (plain BM25 over characters: 0.114 / 0.277 / 0.185).
        assertThat(without.queries()).isEqualTo(data.test().size());
        assertThat(without.recallAt5()).isGreaterThanOrEqualTo(0.27);
        assertThat(without.mrrAt10()).isGreaterThanOrEqualTo(0.18);
        assertThat(with.recallAt5()).isGreaterThanOrEqualTo(0.20);
    }

    @Test
    void theEvaluationCountsRanksAsItShould() {
        Dataset tiny = new Dataset(
                List.of(new FaqEvaluation.Faq("a", "订单什么时候发货", ""), new FaqEvaluation.Faq("b", "如何申请退款", ""),
                        new FaqEvaluation.Faq("c", "发票怎么开", "")),
                List.of(new LabelledQuery("退款多久到账", "b")),
                List.of(new LabelledQuery("我的订单怎么还没发货", "a"), new LabelledQuery("申请退款", "b"),
                        new LabelledQuery("积分", "c")));
        Figures figures = FaqEvaluation.evaluate(tiny, true, SearchTuning.defaults());
        assertThat(figures.queries()).isEqualTo(3);
        assertThat(figures.recallAt1()).isEqualTo(2.0 / 3);
        assertThat(figures.recallAt5()).isEqualTo(2.0 / 3);
        assertThat(figures.mrrAt10()).isEqualTo(2.0 / 3);
    }
}
