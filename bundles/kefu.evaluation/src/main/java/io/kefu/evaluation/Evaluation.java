package io.kefu.evaluation;

import io.kefu.nlu.embeddings.internal.OutsideOsgi;
import io.kefu.nlu.internal.EncoderFeatures;
import io.kefu.nlu.internal.model.DenseFeatures;
import io.kefu.nlu.internal.model.TextClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures Kefu's built-in NLU and knowledge search on the public data sets in {@code ../shared/datasets}: intent
 * accuracy and macro-F1, out-of-scope recall, sentiment accuracy, FAQ retrieval, and latency per message. Every
 * model is trained on a set's {@code dev/train.tsv} exactly as analysts train Kefu, and measured on
 * {@code dev/test.tsv} (or, with {@code --split holdout}, on the kept-apart {@code holdout/test.tsv} where present).
 *
 * <pre>java -jar bundles/kefu.evaluation/target/kefu-evaluation.jar [--datasets DIR] [--split dev|holdout]
 *     [--only banking77_en,atec_faq_zh,...] [--models ngrams,hybrid] [--write docs/nlu-evaluation.md]</pre>
 */
public final class Evaluation {
    record IntentSet(String name, String label, String outOfScope, String target) {
    }

    record SentimentSet(String name, String target) {
    }

    /**
     * Which model kind to train: "ngrams" is the built-in engine alone, "hybrid" adds the sentence embeddings of
     * the kefu.nlu.embeddings plug-in with the engine's hybrid settings ({@code weight} null), or another weight.
     */
    record Model(String name, DenseFeatures dense, Float weight) {
        TextClassifier.Options options() {
            TextClassifier.Options base = dense == null ? TextClassifier.Options.defaults()
                    : TextClassifier.Options.hybrid(dense);
            return weight != null && dense != null ? base.withDense(dense, weight) : base;
        }

    }

    static final List<IntentSet> INTENT_SETS = List.of(
            new IntentSet("banking77_en", "label", null, "accuracy ≥ 93%"),
            new IntentSet("clinc150_en", "label", "oos", "in-scope ≥ 93% and out-of-scope recall ≥ 80%"),
            new IntentSet("smp2017_ecdt_intent_zh", "label", null, "accuracy ≥ 94%"),
            new IntentSet("crosswoz_intent_zh", "domain", null, "none set"));

    static final List<SentimentSet> SENTIMENT_SETS = List.of(
            new SentimentSet("chnsenticorp_htl_zh", "accuracy ≥ 92%"),
            new SentimentSet("waimai_10k_zh", "none set"),
            new SentimentSet("online_shopping_10cats_zh", "none set"));

    private Evaluation() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path datasets = Paths.get(options.getOrDefault("datasets", "../shared/datasets"));
        if (!Files.isDirectory(datasets)) {
            System.err.println("No data sets at " + datasets.toAbsolutePath()
                    + ": pass --datasets DIR (the folder with banking77_en/, clinc150_en/, ...)");
            System.exit(2);
        }
        String split = options.getOrDefault("split", "dev");
        List<Model> models = new ArrayList<>();
        for (String name : options.getOrDefault("models", "ngrams,hybrid").split(",")) {
            models.add(switch (name) {
                case "ngrams" -> new Model("n-grams", null, null);
                case "hybrid" -> new Model("hybrid", hybridFeatures(options.get("encoders")),
                        options.containsKey("embedding-weight") ? Float.valueOf(options.get("embedding-weight")) : null);
                default -> throw new IllegalArgumentException("--models takes ngrams and/or hybrid, not " + name);
            });
        }
        List<String> only = options.containsKey("only") ? List.of(options.get("only").split(",")) : null;
        Report report = new Report(split);

        for (IntentSet set : INTENT_SETS) {
            if (selected(only, set.name())) {
                Splits splits = Splits.of(datasets, set.name(), split);
                if (splits != null) {
                    for (Model model : models) {
                        report.intent(IntentEvaluation.run(set, splits, model));
                    }
                } else {
                    report.missing(set.name(), split);
                }
            }
        }
        for (SentimentSet set : SENTIMENT_SETS) {
            if (selected(only, set.name())) {
                Splits splits = Splits.of(datasets, set.name(), split);
                if (splits != null) {
                    for (Model model : models) {
                        report.sentiment(SentimentEvaluation.run(set, splits, model));
                    }
                } else {
                    report.missing(set.name(), split);
                }
            }
        }
        if (selected(only, "atec_faq_zh")) {
            Splits splits = Splits.of(datasets, "atec_faq_zh", split);
            if (splits != null) {
                report.faq(FaqRetrieval.run(datasets.resolve("atec_faq_zh"), splits));
            } else {
                report.missing("atec_faq_zh", split);
            }
        }
        if (selected(only, "latency")) {
            Splits banking = Splits.of(datasets, "banking77_en", "dev");
            Splits smp = Splits.of(datasets, "smp2017_ecdt_intent_zh", "dev");
            Splits senti = Splits.of(datasets, "chnsenticorp_htl_zh", "dev");
            if (banking != null && smp != null && senti != null) {
                for (Model model : models) {
                    report.latency(LatencyEvaluation.run(banking, smp, senti, model));
                }
            }
        }
        String markdown = report.markdown(LocalDate.now().toString());
        System.out.println(markdown);
        if (options.containsKey("write")) {
            Files.writeString(Paths.get(options.get("write")), markdown, StandardCharsets.UTF_8);
            System.err.println("Written to " + options.get("write"));
        }
    }

    /** Both encoders of kefu.nlu.embeddings, loaded once (a few seconds) for all sets. */
    private static DenseFeatures hybridFeatures(String encoders) {
        Progress loading = new Progress("loading the embedding models", 1);
        // The tokenizer's native goes where the runtime's would, relative to the working folder, not into the home.
        Path natives = Paths.get("target", "nlu-embeddings-native").toAbsolutePath();
        String names = encoders == null ? "bge-small-en-v15-q,bge-small-zh-v15-q" : encoders; // the plug-in's two
        DenseFeatures features = EncoderFeatures.of(
                Arrays.stream(names.split(",")).map(name -> OutsideOsgi.named(name, natives)).toList());
        loading.step();
        loading.finish();
        return features;
    }

    private static boolean selected(List<String> only, String name) {
        return only == null || only.contains(name);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --datasets DIR --split dev|holdout --only a,b"
                        + " --models ngrams,hybrid --embedding-weight W --write FILE");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** A set's training split (always dev/train.tsv) and the split measured on. */
    record Splits(String name, Dataset train, Dataset test) {
        static Splits of(Path datasets, String name, String split) throws IOException {
            Path train = datasets.resolve(name).resolve("dev").resolve("train.tsv");
            Path test = datasets.resolve(name).resolve(split).resolve("test.tsv");
            if (!Files.exists(train) || !Files.exists(test)) {
                return null;
            }
            return new Splits(name, Dataset.read(train), Dataset.read(test));
        }
    }

    static List<TextClassifier.Example> examples(Dataset data, String label) {
        int text = data.column("text");
        int labelColumn = data.column(label);
        List<TextClassifier.Example> examples = new ArrayList<>(data.rows().size());
        for (String[] row : data.rows()) {
            examples.add(new TextClassifier.Example(row[text], row[labelColumn]));
        }
        return examples;
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
}
