package io.kefu.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the results and writes them as the Markdown of docs/nlu-evaluation.md. */
final class Report {
    private final String split;
    private final List<IntentEvaluation.Result> intents = new ArrayList<>();
    private final List<SentimentEvaluation.Result> sentiments = new ArrayList<>();
    private final List<FaqRetrieval.Result> faqs = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<LatencyEvaluation.Result> latencies = new ArrayList<>();

    Report(String split) {
        this.split = split;
    }

    void intent(IntentEvaluation.Result result) {
        intents.add(result);
    }

    void sentiment(SentimentEvaluation.Result result) {
        sentiments.add(result);
    }

    void faq(List<FaqRetrieval.Result> results) {
        faqs.addAll(results);
    }

    void latency(LatencyEvaluation.Result result) {
        latencies.add(result);
    }

    void missing(String set, String split) {
        missing.add(set + " (" + split + ")");
    }

    String markdown(String date) {
        StringBuilder md = new StringBuilder();
        md.append("## Results: ").append(split).append(" split, ").append(date).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n\n");
        if (!intents.isEmpty()) {
            md.append("### Intent classification (trained on dev/train)\n\n");
            md.append("| set | model | train / test | labels | accuracy | macro-F1 | in-scope acc. | out-of-scope recall | threshold | training | target |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (IntentEvaluation.Result r : intents) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d / %,d | %d | %s | %.1f | %s | %s | %s | %.1f s | %s |%n",
                        r.set(), r.model(), r.trainExamples(), r.testExamples(), r.labels(), Evaluation.percent(r.accuracy()),
                        r.macroF1() * 100, r.inScopeAccuracy() == null ? "–" : Evaluation.percent(r.inScopeAccuracy()),
                        r.outOfScopeRecall() == null ? "–" : Evaluation.percent(r.outOfScopeRecall()),
                        r.threshold() == null ? "–" : String.format(Locale.ROOT, "%.2f", r.threshold()),
                        r.trainSeconds(), r.target()));
            }
            for (IntentEvaluation.Result r : intents) {
                if (!r.sweep().isEmpty()) {
                    md.append("\n").append(r.set()).append(", ").append(r.model())
                            .append(", the same model at other out-of-scope thresholds:\n\n");
                    md.append("| threshold | in-scope accuracy | out-of-scope recall |\n|---|---|---|\n");
                    for (double[] row : r.sweep()) {
                        md.append(String.format(Locale.ROOT, "| %.1f | %s | %s |%n", row[0],
                                Evaluation.percent(row[1]), Evaluation.percent(row[2])));
                    }
                }
            }
            md.append('\n');
        }
        if (!sentiments.isEmpty()) {
            md.append("### Sentiment (trained on dev/train)\n\n");
            md.append("| set | model | train / test | accuracy | macro-F1 | training | target |\n|---|---|---|---|---|---|---|\n");
            for (SentimentEvaluation.Result r : sentiments) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d / %,d | %s | %.1f | %.1f s | %s |%n", r.set(), r.model(),
                        r.trainExamples(), r.testExamples(), Evaluation.percent(r.accuracy()), r.macroF1() * 100,
                        r.trainSeconds(), r.target()));
            }
            md.append('\n');
        }
        if (!faqs.isEmpty()) {
            md.append("### FAQ retrieval (knowledge search)\n\n");
            md.append("| set | setup | queries | Recall@1 | Recall@5 | MRR@10 | search p50 | search p99 | target |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (FaqRetrieval.Result r : faqs) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.3f | %.3f | %.3f | %.2f ms | %.2f ms | %s |%n",
                        r.set(), r.setup(), r.queries(), r.recallAt1(), r.recallAt5(), r.mrrAt10(), r.p50Millis(),
                        r.p99Millis(), r.target()));
            }
            md.append('\n');
        }
        if (!latencies.isEmpty()) {
            md.append("### Understanding one message (language, intent, entities, sentiment)\n\n");
            md.append("| intent model | messages | p50 | p99 | max | throughput | target |\n|---|---|---|---|---|---|---|\n");
            for (LatencyEvaluation.Result latency : latencies) {
                md.append(String.format(Locale.ROOT, "| %s | %,d (BANKING77 and SMP2017 test) | %.3f ms | %.3f ms | %.1f ms | %,.0f messages/s with %d threads | p99 ≤ 10 ms, ≥ 300 messages/s |%n",
                        latency.model(), latency.messages(), latency.p50Millis(), latency.p99Millis(),
                        latency.maxMillis(), latency.messagesPerSecond(), latency.threads()));
            }
            md.append('\n');
        }
        if (!missing.isEmpty()) {
            md.append("Not measured (split not on this machine): ").append(String.join(", ", missing)).append(".\n");
        }
        return md.toString();
    }
}
