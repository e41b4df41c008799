package io.kefu.nlu.internal.model;

import java.util.Random;

/**
 * Multinomial logistic regression over sparse features, trained with AdaGrad. Small, fast to train (seconds for
 * tens of thousands of examples) and fast to apply (one multiply-add per feature and class), and its outputs are
 * probabilities that a temperature can calibrate.
 */
public final class SoftmaxModel {
    /** How training runs; the defaults were tuned on the dev splits of the public intent sets (docs/nlu-evaluation.md). */
    public record Options(int epochs, float learningRate, float l2, long seed, Runnable afterEpoch) {
        public Options(int epochs, float learningRate, float l2, long seed) {
            this(epochs, learningRate, l2, seed, () -> { });
        }

        public static Options defaults() {
            return new Options(12, 0.5f, 1e-6f, 42);
        }

        /** The same options, calling {@code afterEpoch} after each pass over the data (for progress bars). */
        public Options reporting(Runnable afterEpoch) {
            return new Options(epochs, learningRate, l2, seed, afterEpoch);
        }
    }

    private final int classes;
    private final float[] weights; // feature-major: weights[feature * classes + class]
    private final float[] bias;

    private SoftmaxModel(int classes, float[] weights, float[] bias) {
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    public int classes() {
        return classes;
    }

    public static SoftmaxModel train(SparseVector[] xs, int[] ys, int classes, int features, Options options) {
        float[] w = new float[features * classes];
        float[] b = new float[classes];
        float[] gw = new float[features * classes];
        float[] gb = new float[classes];
        int[] order = new int[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed());
        double[] p = new double[classes];
        SoftmaxModel model = new SoftmaxModel(classes, w, b);
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int n : order) {
                SparseVector x = xs[n];
                model.probabilities(x, 1.0, p);
                p[ys[n]] -= 1.0;
                for (int c = 0; c < classes; c++) {
                    float g = (float) p[c];
                    gb[c] += g * g;
                    b[c] -= options.learningRate() * g / (float) Math.sqrt(gb[c] + 1e-8f);
                }
                for (int k = 0; k < x.size(); k++) {
                    int base = x.indices()[k] * classes;
                    float xv = x.values()[k];
                    for (int c = 0; c < classes; c++) {
                        int at = base + c;
                        float g = (float) p[c] * xv + options.l2() * w[at];
                        if (g == 0f) {
                            continue;
                        }
                        gw[at] += g * g;
                        w[at] -= options.learningRate() * g / (float) Math.sqrt(gw[at] + 1e-8f);
                    }
                }
            }
            options.afterEpoch().run();
        }
        return model;
    }

    public void logits(SparseVector x, double[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c];
        }
        for (int k = 0; k < x.size(); k++) {
            int base = x.indices()[k] * classes;
            float xv = x.values()[k];
            for (int c = 0; c < classes; c++) {
                out[c] += weights[base + c] * xv;
            }
        }
    }

    /** Softmax of the logits divided by {@code temperature}, written into {@code out}. */
    public void probabilities(SparseVector x, double temperature, double[] out) {
        logits(x, out);
        softmax(out, temperature);
    }

    public static void softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.exp((logits[c] - max) / temperature);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
    }
}
