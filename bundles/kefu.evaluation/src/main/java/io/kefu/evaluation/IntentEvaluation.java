package io.kefu.evaluation;

import io.kefu.nlu.internal.model.SoftmaxModel;
import io.kefu.nlu.internal.model.TextClassifier;
import java.util.ArrayList;
import java.util.List;

/** Trains the built-in intent model on a set's training split and scores it on the test split. */
final class IntentEvaluation {
    /**
     * Kefu's default out-of-scope threshold (kefu.nlu outOfScopeThreshold); training keeps it unless its held-out
     * tenth has enough out-of-scope examples to choose another (CLINC150's has ten).
     */
    static final double PRODUCT_THRESHOLD = 0.45;
    record Result(String set, String model, String target, int trainExamples, int testExamples, int labels, double accuracy,
            double macroF1, Double inScopeAccuracy, Double outOfScopeRecall, Double threshold, double trainSeconds,
            List<double[]> sweep) {
    }

    private IntentEvaluation() {
    }

    static Result run(Evaluation.IntentSet set, Evaluation.Splits splits, Evaluation.Model model) {
        List<TextClassifier.Example> train = Evaluation.examples(splits.train(), set.label());
        List<TextClassifier.Example> test = Evaluation.examples(splits.test(), set.label());
        TextClassifier.Options base = model.options();
        Progress progress = new Progress(set.name() + ": training " + model.name(), 2L * base.model().epochs());
        TextClassifier.Options options = base.withModel(base.model().reporting(progress::step))
                .withOutOfScope(set.outOfScope(), PRODUCT_THRESHOLD);
        long started = System.nanoTime();
        TextClassifier classifier = TextClassifier.train(train, options);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        progress.finish();

        Progress testing = new Progress(set.name() + ": testing " + model.name(), test.size());
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<TextClassifier.Prediction> predictions = new ArrayList<>();
        for (TextClassifier.Example example : test) {
            TextClassifier.Prediction p = classifier.classify(example.text());
            predictions.add(p);
            truth.add(example.label());
            predicted.add(p.outOfScope() && set.outOfScope() != null ? set.outOfScope() : p.best().label());
            testing.step();
        }
        testing.finish();
        Double inScope = null;
        Double oosRecall = null;
        List<double[]> sweep = new ArrayList<>();
        if (set.outOfScope() != null) {
            double[] chosen = inAndOut(test, predictions, set.outOfScope(), classifier.threshold(), classifier);
            inScope = chosen[0];
            oosRecall = chosen[1];
            // The same model at other thresholds, to show the trade-off the chosen one sits on.
            for (double t = 0.0; t <= 0.91; t += 0.1) {
                double[] at = inAndOut(test, null, set.outOfScope(), t, classifier);
                sweep.add(new double[] {t, at[0], at[1]});
            }
        }
        return new Result(set.name(), model.name(), set.target(), train.size(), test.size(), classifier.labels().size(),
                Scores.accuracy(truth, predicted), Scores.macroF1(truth, predicted), inScope, oosRecall,
                set.outOfScope() == null ? null : classifier.threshold(), trainSeconds, sweep);
    }

    /** In-scope accuracy and out-of-scope recall at a threshold (predictions recomputed when not given). */
    private static double[] inAndOut(List<TextClassifier.Example> test, List<TextClassifier.Prediction> given,
            String oos, double threshold, TextClassifier model) {
        int inRight = 0;
        int inTotal = 0;
        int oosRight = 0;
        int oosTotal = 0;
        for (int i = 0; i < test.size(); i++) {
            TextClassifier.Example example = test.get(i);
            TextClassifier.Prediction p = given != null ? given.get(i) : model.classify(example.text(), threshold);
            if (example.label().equals(oos)) {
                oosTotal++;
                oosRight += p.outOfScope() ? 1 : 0;
            } else {
                inTotal++;
                inRight += !p.outOfScope() && p.best().label().equals(example.label()) ? 1 : 0;
            }
        }
        return new double[] {(double) inRight / inTotal, oosTotal == 0 ? 0 : (double) oosRight / oosTotal};
    }
}
