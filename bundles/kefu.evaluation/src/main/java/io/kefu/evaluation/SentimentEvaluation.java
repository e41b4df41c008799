package io.kefu.evaluation;

import io.kefu.nlu.internal.model.TextClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the sentiment model on a set's training split (the same model kind Kefu's sentiment analyzer uses, on the
 * set's own labelled reviews) and scores it on the test split.
 */
final class SentimentEvaluation {
    record Result(String set, String model, String target, int trainExamples, int testExamples, double accuracy, double macroF1,
            double trainSeconds) {
    }

    private SentimentEvaluation() {
    }

    static Result run(Evaluation.SentimentSet set, Evaluation.Splits splits, Evaluation.Model model) {
        List<TextClassifier.Example> train = Evaluation.examples(splits.train(), "label");
        List<TextClassifier.Example> test = Evaluation.examples(splits.test(), "label");
        TextClassifier.Options base = model.options();
        Progress progress = new Progress(set.name() + ": training " + model.name(), 2L * base.model().epochs());
        long started = System.nanoTime();
        TextClassifier classifier = TextClassifier.train(train,
                base.withModel(base.model().reporting(progress::step)));
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        progress.finish();
        Progress testing = new Progress(set.name() + ": testing " + model.name(), test.size());
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (TextClassifier.Example example : test) {
            truth.add(example.label());
            predicted.add(classifier.classify(example.text()).best().label());
            testing.step();
        }
        testing.finish();
        return new Result(set.name(), model.name(), set.target(), train.size(), test.size(), Scores.accuracy(truth, predicted),
                Scores.macroF1(truth, predicted), trainSeconds);
    }
}
