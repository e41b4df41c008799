package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures knowledge search on an FAQ retrieval set in the shared datasets' format ({@code faq.tsv} with
 * {@code faq_id, question, answer}; {@code dev/train.tsv} and {@code dev/test.tsv} with {@code query, faq_id}): each
 * test query is searched and the rank of its FAQ entry gives Recall@1, Recall@5 and MRR@10.
 *
 * <p>Runs in a plain JVM (no OSGi, no database), from Maven ({@code mvn -pl bundles/kefu.knowledge exec:java}) or
 * with {@code java -cp target/classes:target/embedded/*:<kefu.api jar>}. The data is read at run time, from the
 * path given or from {@code shared/datasets/atec_faq_zh} next to any folder above the working directory; none of
 * it is part of Kefu.
 */
public final class FaqEvaluation {
    public static final String DATASET = "atec_faq_zh";

    /** One FAQ entry of the set; the answer may be empty (ATEC has none). */
    public record Faq(String id, String question, String answer) {
    }

    /** A customer's wording and the FAQ entry it asks for. */
    public record LabelledQuery(String text, String faqId) {
    }

    public record Dataset(List<Faq> faqs, List<LabelledQuery> train, List<LabelledQuery> test) {
        /** The dev split: {@code faq.tsv}, {@code dev/train.tsv} and {@code dev/test.tsv} of the folder. */
        public static Dataset read(Path folder) throws IOException {
            return read(folder.resolve("faq.tsv"), folder.resolve("dev/train.tsv"), folder.resolve("dev/test.tsv"));
        }

        /** Any split, such as the kept-apart one for a final evaluation. */
        public static Dataset read(Path faqFile, Path trainFile, Path testFile) throws IOException {
            List<Faq> faqs = new ArrayList<>();
            for (String[] row : rows(faqFile)) {
                faqs.add(new Faq(row[0], row[1], row.length > 2 ? row[2] : ""));
            }
            return new Dataset(faqs, queries(trainFile), queries(testFile));
        }

        private static List<LabelledQuery> queries(Path file) throws IOException {
            return rows(file).stream().map(row -> new LabelledQuery(row[0], row[1])).toList();
        }

        /** Rows after the header, split on tabs (the format has no quoting). */
        private static List<String[]> rows(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)).toList();
        }
    }

    /** Recall@1, Recall@5 and MRR@10 over {@code queries} test queries. */
    public record Figures(int queries, double recallAt1, double recallAt5, double mrrAt10) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "R@1 %.3f  R@5 %.3f  MRR@10 %.3f  (%d queries)", recallAt1, recallAt5,
                    mrrAt10, queries);
        }
    }

    private FaqEvaluation() {
    }

    /**
     * Indexes the FAQ entries as published Chinese articles and searches every test query. With
     * {@code trainAsAlternatives}, each training query becomes an alternative question of its entry, as an analyst
     * adds the ways customers actually ask.
     */
    public static Figures evaluate(Dataset data, boolean trainAsAlternatives, SearchTuning tuning) {
        try (KnowledgeIndex index = KnowledgeIndex.inMemory(tuning)) {
            index.putAll(articles(data, trainAsAlternatives));
            return measure(index, data.test());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The alternatives lever where it can work. dev/test's queries ask for FAQ entries that have no dev/train queries
     * (the set is split by FAQ entry), so there, train queries only add phrasings to other entries. Here dev/train is
     * cut into {@code folds} parts; each part's queries are searched with the other parts' queries as alternatives
     * ({@code withAlternatives}) or against the questions alone, as customers ask again what others asked before.
     * With {@code onlyKnownEntries}, only queries whose entry has an alternative from another part count (few do: ATEC
     * groups are mostly a question and one paraphrase). Only dev/train is read.
     */
    public static Figures crossValidateOnTrain(Dataset data, int folds, boolean withAlternatives,
            boolean onlyKnownEntries, SearchTuning tuning) {
        double firsts = 0;
        double inFive = 0;
        double reciprocalRanks = 0;
        int total = 0;
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledQuery> asked = new ArrayList<>();
            List<LabelledQuery> known = new ArrayList<>();
            for (int i = 0; i < data.train().size(); i++) {
                (i % folds == fold ? asked : known).add(data.train().get(i));
            }
            if (onlyKnownEntries) {
                Set<String> entries = new HashSet<>();
                known.forEach(query -> entries.add(query.faqId()));
                asked.removeIf(query -> !entries.contains(query.faqId()));
            }
            try (KnowledgeIndex index = KnowledgeIndex.inMemory(tuning)) {
                index.putAll(articles(data.faqs(), withAlternatives ? known : List.of()));
                Figures part = measure(index, asked);
                firsts += part.recallAt1() * part.queries();
                inFive += part.recallAt5() * part.queries();
                reciprocalRanks += part.mrrAt10() * part.queries();
                total += part.queries();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int n = Math.max(1, total);
        return new Figures(total, firsts / n, inFive / n, reciprocalRanks / n);
    }

    static List<KnowledgeArticle> articles(Dataset data, boolean trainAsAlternatives) {
        return articles(data.faqs(), trainAsAlternatives ? data.train() : List.of());
    }

    public static List<KnowledgeArticle> articles(List<Faq> faqs, List<LabelledQuery> asAlternatives) {
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        for (LabelledQuery query : asAlternatives) {
            alternatives.computeIfAbsent(query.faqId(), id -> new ArrayList<>()).add(query.text());
        }
        Instant now = Instant.now();
        return faqs.stream().map(faq -> new KnowledgeArticle(faq.id(), Locale.CHINESE, faq.question(),
                alternatives.getOrDefault(faq.id(), List.of()), faq.answer(), Set.of(), ArticleStatus.PUBLISHED, 1,
                now)).toList();
    }

    public static Figures measure(KnowledgeIndex index, List<LabelledQuery> queries) {
        double firsts = 0;
        double inFive = 0;
        double reciprocalRanks = 0;
        for (LabelledQuery query : queries) {
            List<KnowledgeHit> hits = index.search(query.text(), Locale.CHINESE, Set.of(ArticleStatus.PUBLISHED), 10);
            for (int rank = 1; rank <= hits.size(); rank++) {
                if (hits.get(rank - 1).article().id().equals(query.faqId())) {
                    firsts += rank == 1 ? 1 : 0;
                    inFive += rank <= 5 ? 1 : 0;
                    reciprocalRanks += 1.0 / rank;
                    break;
                }
            }
        }
        int n = Math.max(1, queries.size());
        return new Figures(queries.size(), firsts / n, inFive / n, reciprocalRanks / n);
    }

    /**
     * The data set's folder: {@code explicit} when given, else {@code shared/datasets/atec_faq_zh} beside the working
     * directory or any folder above it; empty when there is none.
     */
    public static Optional<Path> locate(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            Path given = Path.of(explicit);
            return Files.isRegularFile(given.resolve("faq.tsv")) ? Optional.of(given) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets").resolve(DATASET);
            if (Files.isRegularFile(candidate.resolve("faq.tsv"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Arguments: [dataset folder] [--tune]; --tune also prints a small sweep of the weights (dev/test only). */
    public static void main(String[] args) throws IOException {
        String folder = null;
        boolean tune = false;
        for (String arg : args) {
            if (arg.equals("--tune")) {
                tune = true;
            } else {
                folder = arg;
            }
        }
        Path dataset = locate(folder).orElseThrow(() -> new IllegalArgumentException(
                "no " + DATASET + " data set found; pass its folder (the one holding faq.tsv) as the argument"));
        Dataset data = Dataset.read(dataset);
        System.out.printf("%s: %d FAQ entries, %d train queries, %d dev/test queries%n", dataset, data.faqs().size(),
                data.train().size(), data.test().size());
        SearchTuning tuning = SearchTuning.defaults();
        System.out.println("Kefu search, FAQ questions only:            " + evaluate(data, false, tuning));
        System.out.println("Kefu search, train queries as alternatives: " + evaluate(data, true, tuning));
        System.out.println("dev/train, 5 folds, questions only:         " + crossValidateOnTrain(data, 5, false, false, tuning));
        System.out.println("dev/train, 5 folds, other folds as alts:    " + crossValidateOnTrain(data, 5, true, false, tuning));
        System.out.println("  entries with known phrasings, questions only: " + crossValidateOnTrain(data, 5, false, true, tuning));
        System.out.println("  entries with known phrasings, alternatives:   " + crossValidateOnTrain(data, 5, true, true, tuning));
        if (tune) {
            sweep(data);
        }
    }

    /** The variants the defaults were chosen from, one knob at a time around them. */
    private static void sweep(Dataset data) {
        SearchTuning base = SearchTuning.defaults();
        Map<String, SearchTuning> variants = new LinkedHashMap<>();
        for (float words : new float[] {0.0f, 0.5f, 1.0f}) {
            for (float pairs : new float[] {0.5f, 1.0f}) {
                variants.put("words " + words + ", pairs " + pairs, base.withChineseWeights(words, pairs));
            }
        }
        variants.put("pairs without single characters", base.withChineseSingleCharacters(false));
        for (float alternative : new float[] {0.5f, 0.7f, 1.0f}) {
            variants.put("alternative boost " + alternative,
                    base.withQuestionBoosts(base.questionBoost(), alternative, base.answerBoost()));
        }
        for (float[] bm25 : new float[][] {{0.8f, 0.5f}, {1.2f, 0.4f}, {1.2f, 0.75f}, {2.0f, 0.75f}}) {
            variants.put("BM25 k1 " + bm25[0] + ", b " + bm25[1], base.withBm25(bm25[0], bm25[1]));
        }
        variants.forEach((name, tuning) -> System.out.printf("%-36s without: %s%n%-36s with:    %s%n", name,
                evaluate(data, false, tuning), "", evaluate(data, true, tuning)));
    }
}
