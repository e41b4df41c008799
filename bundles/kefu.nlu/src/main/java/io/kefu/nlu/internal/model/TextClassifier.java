package io.kefu.nlu.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A text classifier trained from labelled examples: {@link TextFeatures}, a {@link Vocabulary} and a
 * {@link SoftmaxModel}, with two things learned on examples held out of a first training: a temperature
 * that makes the confidence a calibrated probability, and (when the examples include an out-of-scope label) the
 * confidence below which a message counts as out of scope. The final model is then trained on all examples.
 * Immutable and safe to share between threads.
 */
public final class TextClassifier {
    /** One training example. */
    public record Example(String text, String label) {
    }

    /** A label and its calibrated probability. */
    public record Scored(String label, double probability) {
    }

    /** What {@link #classify} returns: labels best first, and whether the message is out of scope. */
    public record Prediction(List<Scored> ranked, boolean outOfScope) {
        public Scored best() {
            return ranked.get(0);
        }
    }

    /** How to train. {@code outOfScopeLabel} names the examples that are not any intent (null if there are none). */
    public record Options(SoftmaxModel.Options model, int minDocuments, String outOfScopeLabel,
            double defaultThreshold, DenseFeatures dense, float denseWeight) {
        public static Options defaults() {
            return new Options(SoftmaxModel.Options.defaults(), 2, null, 0.0, null, 1.0f);
        }

        /**
         * N-grams and {@code dense} sentence embeddings together. The embeddings need a smaller learning rate, more
         * passes and more regularisation than sparse n-grams, and a weight of 4 beside the unit-length n-gram vector;
         * chosen on the BANKING77 dev split (docs/nlu-evaluation.md), where they took the hybrid from 91.4 to 93.3 %.
         */
        public static Options hybrid(DenseFeatures dense) {
            return new Options(new SoftmaxModel.Options(20, 0.1f, 3e-5f, 42), 2, null, 0.0, dense, 4.0f);
        }

        public Options withOutOfScope(String label, double defaultThreshold) {
            return new Options(model, minDocuments, label, defaultThreshold, dense, denseWeight);
        }

        /**
         * Adds dense features (sentence embeddings) beside the n-grams, each multiplied by {@code weight}: the
         * n-gram vector has unit length, so the weight sets how loud the embedding is next to it.
         */
        public Options withDense(DenseFeatures features, float weight) {
            return new Options(model, minDocuments, outOfScopeLabel, defaultThreshold, features, weight);
        }

        public Options withModel(SoftmaxModel.Options options) {
            return new Options(options, minDocuments, outOfScopeLabel, defaultThreshold, dense, denseWeight);
        }
    }

    /** The share of out-of-scope messages the chosen threshold must catch on the held-out examples. */
    static final double OUT_OF_SCOPE_RECALL = 0.8;

    private final List<String> labels;
    private final Vocabulary vocabulary;
    private final DenseFeatures dense;
    private final float denseWeight;
    private final SoftmaxModel model;
    private final double temperature;
    private final double threshold;
    private final int outOfScopeClass;
    private final double heldOutAccuracy;
    private final int heldOutExamples;

    private TextClassifier(List<String> labels, Vocabulary vocabulary, Options options, SoftmaxModel model,
            double temperature, double threshold, int outOfScopeClass, double heldOutAccuracy, int heldOutExamples) {
        this.labels = labels;
        this.vocabulary = vocabulary;
        this.dense = options.dense();
        this.denseWeight = options.denseWeight();
        this.model = model;
        this.temperature = temperature;
        this.threshold = threshold;
        this.outOfScopeClass = outOfScopeClass;
        this.heldOutAccuracy = heldOutAccuracy;
        this.heldOutExamples = heldOutExamples;
    }

    public static TextClassifier train(List<Example> examples, Options options) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        List<String> labels = examples.stream().map(Example::label).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two labels, found " + labels);
        }
        Map<String, Integer> classOf = new HashMap<>();
        for (String label : labels) {
            classOf.put(label, classOf.size());
        }
        List<Map<String, Integer>> counts = examples.stream().map(e -> TextFeatures.count(e.text())).toList();
        // Encoding is the slow part of a hybrid training (milliseconds per example), so each example once, in parallel.
        float[][] embedded = options.dense() == null ? null
                : examples.parallelStream().map(e -> options.dense().features(e.text())).toArray(float[][]::new);
        int[] ys = examples.stream().mapToInt(e -> classOf.get(e.label())).toArray();
        int oos = options.outOfScopeLabel() == null ? -1 : classOf.getOrDefault(options.outOfScopeLabel(), -1);

        // Hold some examples of each label out of a first training, to calibrate on.
        boolean[] heldOut = holdOut(ys, labels.size(), oos, options.model().seed());
        List<Map<String, Integer>> fitCounts = new ArrayList<>();
        List<Integer> fitIdx = new ArrayList<>();
        List<Integer> checkIdx = new ArrayList<>();
        for (int i = 0; i < ys.length; i++) {
            if (heldOut[i]) {
                checkIdx.add(i);
            } else {
                fitIdx.add(i);
                fitCounts.add(counts.get(i));
            }
        }
        double temperature = 1.0;
        double threshold = options.defaultThreshold();
        double heldOutAccuracy = Double.NaN;
        if (!checkIdx.isEmpty() && fitIdx.size() > labels.size()) {
            Vocabulary fitVocabulary = Vocabulary.build(fitCounts, options.minDocuments());
            SoftmaxModel fitModel = fit(fitVocabulary, counts, embedded, ys, fitIdx, labels.size(), options);
            double[][] logits = new double[checkIdx.size()][labels.size()];
            int[] truth = new int[checkIdx.size()];
            for (int k = 0; k < checkIdx.size(); k++) {
                int row = checkIdx.get(k);
                fitModel.logits(vector(fitVocabulary, counts.get(row), embedded == null ? null : embedded[row],
                        options.denseWeight()), logits[k]);
                truth[k] = ys[checkIdx.get(k)];
            }
            int right = 0;
            for (int k = 0; k < truth.length; k++) {
                right += argmax(logits[k]) == truth[k] ? 1 : 0;
            }
            heldOutAccuracy = (double) right / truth.length;
            temperature = calibrate(logits, truth);
            if (oos >= 0) {
                threshold = bestThreshold(logits, truth, temperature, oos, threshold);
            }
        }
        Vocabulary vocabulary = Vocabulary.build(counts, options.minDocuments());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < ys.length; i++) {
            all.add(i);
        }
        SoftmaxModel model = fit(vocabulary, counts, embedded, ys, all, labels.size(), options);
        return new TextClassifier(labels, vocabulary, options, model, temperature, threshold, oos, heldOutAccuracy,
                Double.isNaN(heldOutAccuracy) ? 0 : checkIdx.size());
    }

    private static SoftmaxModel fit(Vocabulary vocabulary, List<Map<String, Integer>> counts, float[][] embedded,
            int[] ys, List<Integer> rows, int classes, Options options) {
        SparseVector[] xs = new SparseVector[rows.size()];
        int[] y = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            int row = rows.get(k);
            xs[k] = vector(vocabulary, counts.get(row), embedded == null ? null : embedded[row], options.denseWeight());
            y[k] = ys[row];
        }
        int features = vocabulary.size() + (options.dense() == null ? 0 : options.dense().dimension());
        return SoftmaxModel.train(xs, y, classes, features, options.model());
    }

    /** The n-gram vector, followed (after the vocabulary's last index) by the weighted dense features, if any. */
    private static SparseVector vector(Vocabulary vocabulary, Map<String, Integer> counts, float[] dense,
            float weight) {
        SparseVector sparse = vocabulary.vector(counts);
        if (dense == null) {
            return sparse;
        }
        int n = sparse.size();
        int[] indices = Arrays.copyOf(sparse.indices(), n + dense.length);
        float[] values = Arrays.copyOf(sparse.values(), n + dense.length);
        for (int j = 0; j < dense.length; j++) {
            indices[n + j] = vocabulary.size() + j;
            values[n + j] = dense[j] * weight;
        }
        return new SparseVector(indices, values);
    }

    /**
     * Every tenth example of each label, after a seeded shuffle; of the out-of-scope label ({@code oos}, or -1) every
     * third, because choosing the threshold needs a few dozen of them and sets rarely have more than a hundred (the
     * final model is trained on all examples anyway).
     */
    private static boolean[] holdOut(int[] ys, int classes, int oos, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < ys.length; i++) {
            byClass.get(ys[i]).add(i);
        }
        boolean[] heldOut = new boolean[ys.length];
        Random random = new Random(seed);
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = byClass.get(c);
            Collections.shuffle(rows, random);
            int every = c == oos ? 3 : 10;
            // A label with fewer than five examples keeps them all for training.
            if (rows.size() >= 5) {
                for (int k = 0; k < rows.size(); k += every) {
                    heldOut[rows.get(k)] = true;
                }
            }
        }
        return heldOut;
    }

    /** The temperature that minimises the held-out negative log-likelihood (a coarse-to-fine grid search). */
    static double calibrate(double[][] logits, int[] truth) {
        double best = 1.0;
        double bestLoss = Double.MAX_VALUE;
        for (double t = 0.05; t <= 5.0; t *= 1.1) {
            double loss = 0;
            double[] p = new double[logits[0].length];
            for (int k = 0; k < logits.length; k++) {
                System.arraycopy(logits[k], 0, p, 0, p.length);
                SoftmaxModel.softmax(p, t);
                loss -= Math.log(Math.max(p[truth[k]], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    /**
     * The confidence below which a message is called out of scope, chosen on held-out examples: the best in-scope
     * accuracy among the thresholds that catch at least {@link #OUT_OF_SCOPE_RECALL} of the out-of-scope messages
     * (a missed handoff costs a customer more than a question sent to a person needlessly), or the best recall if
     * none does.
     */
    private static double bestThreshold(double[][] logits, int[] truth, double temperature, int oos, double fallback) {
        long inScope = Arrays.stream(truth).filter(t -> t != oos).count();
        long outOfScope = truth.length - inScope;
        if (inScope == 0 || outOfScope < 20) {
            return fallback; // too few held-out examples to choose a threshold better than the configured one
        }
        double best = fallback;
        double bestScore = -1;
        double[] p = new double[logits[0].length];
        for (double threshold = 0.0; threshold < 0.95; threshold += 0.01) {
            int inRight = 0;
            int oosRight = 0;
            for (int k = 0; k < logits.length; k++) {
                System.arraycopy(logits[k], 0, p, 0, p.length);
                SoftmaxModel.softmax(p, temperature);
                int top = argmax(p);
                boolean saysOos = top == oos || p[top] < threshold;
                if (truth[k] == oos) {
                    oosRight += saysOos ? 1 : 0;
                } else {
                    inRight += !saysOos && top == truth[k] ? 1 : 0;
                }
            }
            double recall = (double) oosRight / outOfScope;
            double score = recall >= OUT_OF_SCOPE_RECALL ? (double) inRight / inScope : recall - 1;
            if (score > bestScore) {
                bestScore = score;
                best = threshold;
            }
        }
        return best;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    public Prediction classify(String text) {
        return classify(text, threshold);
    }

    /** As {@link #classify(String)}, with another out-of-scope threshold (the evaluation tool sweeps it). */
    public Prediction classify(String text, double outOfScopeThreshold) {
        double[] p = new double[labels.size()];
        float[] embedded = dense == null ? null : dense.features(text);
        model.probabilities(vector(vocabulary, TextFeatures.count(text), embedded, denseWeight), temperature, p);
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < p.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<Scored> ranked = new ArrayList<>(Math.min(5, p.length));
        for (int k = 0; k < Math.min(5, p.length); k++) {
            ranked.add(new Scored(labels.get(order[k]), p[order[k]]));
        }
        int top = order[0];
        boolean outOfScope = top == outOfScopeClass || p[top] < outOfScopeThreshold;
        return new Prediction(List.copyOf(ranked), outOfScope);
    }

    public List<String> labels() {
        return labels;
    }

    public double threshold() {
        return threshold;
    }

    public double temperature() {
        return temperature;
    }

    /**
     * Accuracy on the examples held out while calibrating, by a model trained on the rest: an honest
     * estimate of how the final model does on messages it has not seen. NaN when there were too few examples.
     */
    public double heldOutAccuracy() {
        return heldOutAccuracy;
    }

    public int heldOutExamples() {
        return heldOutExamples;
    }

    /** Size and calibration, for the workbench and the logs. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("labels", labels.size());
        d.put("features", vocabulary.size());
        if (dense != null) {
            d.put("embeddings", dense.describe());
        }
        d.put("temperature", Math.round(temperature * 100) / 100.0);
        d.put("outOfScopeThreshold", Math.round(threshold * 100) / 100.0);
        d.put("heldOutAccuracy", Math.round(heldOutAccuracy * 1000) / 1000.0);
        return d;
    }
}
