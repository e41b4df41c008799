package io.kefu.evaluation;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.knowledge.internal.FaqEvaluation;
import io.kefu.knowledge.internal.KnowledgeIndex;
import io.kefu.knowledge.internal.SearchTuning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * FAQ retrieval with Kefu's knowledge index: the FAQ questions become published Chinese articles and each test query
 * is searched as the bot searches a customer's question. Measured twice: with the questions alone, and with the
 * training queries added as alternative phrasings of their entries (what analysts do with real questions).
 */
final class FaqRetrieval {
    record Result(String set, String setup, int queries, double recallAt1, double recallAt5, double mrrAt10,
            double p50Millis, double p99Millis, String target) {
    }

    private static final int PASSES = 3;

    private FaqRetrieval() {
    }

    static List<Result> run(Path folder, Evaluation.Splits splits) throws Exception {
        FaqEvaluation.Dataset data = FaqEvaluation.Dataset.read(folder);
        List<Result> results = new ArrayList<>();
        results.add(measure(data, "FAQ questions only", List.of()));
        results.add(measure(data, "+ dev/train queries as alternatives", data.train()));
        return results;
    }

    private static Result measure(FaqEvaluation.Dataset data, String setup,
            List<FaqEvaluation.LabelledQuery> alternatives) throws Exception {
        Progress progress = new Progress("atec_faq_zh: " + (alternatives.isEmpty() ? "questions" : "alternatives"),
                (1L + 2 * PASSES) * data.test().size());
        try (KnowledgeIndex index = KnowledgeIndex.inMemory(SearchTuning.defaults())) {
            index.putAll(FaqEvaluation.articles(data.faqs(), alternatives));
            FaqEvaluation.Figures figures = FaqEvaluation.measure(index, data.test());
            progress.advance(data.test().size());
            // A running Kefu searches with compiled code: the queries are run PASSES times before timing them.
            for (int pass = 0; pass < PASSES; pass++) {
                for (FaqEvaluation.LabelledQuery query : data.test()) {
                    index.search(query.text(), Locale.CHINESE, Set.of(ArticleStatus.PUBLISHED), 10);
                    progress.step();
                }
            }
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            for (int pass = 0; pass < PASSES; pass++) {
                for (FaqEvaluation.LabelledQuery query : data.test()) {
                    long t0 = System.nanoTime();
                    index.search(query.text(), Locale.CHINESE, Set.of(ArticleStatus.PUBLISHED), 10);
                    histogram.recordValue(System.nanoTime() - t0);
                    progress.step();
                }
            }
            progress.finish();
            return new Result("atec_faq_zh", setup, figures.queries(), figures.recallAt1(), figures.recallAt5(),
                    figures.mrrAt10(), histogram.getValueAtPercentile(50) / 1e6,
                    histogram.getValueAtPercentile(99) / 1e6, "Recall@5 ≥ 0.42; search p99 ≤ 5 ms");
        }
    }
}
