package io.kefu.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accuracy and macro-averaged F1 of predicted against true labels. */
final class Scores {
    private Scores() {
    }

    static double accuracy(List<String> truth, List<String> predicted) {
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            right += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        return (double) right / truth.size();
    }

    /** The mean over true labels of each label's F1 (a label never predicted right scores 0). */
    static double macroF1(List<String> truth, List<String> predicted) {
        Map<String, Integer> tp = new HashMap<>();
        Map<String, Integer> fp = new HashMap<>();
        Map<String, Integer> fn = new HashMap<>();
        Set<String> labels = new HashSet<>(truth);
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i);
            String p = predicted.get(i);
            if (t.equals(p)) {
                tp.merge(t, 1, Integer::sum);
            } else {
                fp.merge(p, 1, Integer::sum);
                fn.merge(t, 1, Integer::sum);
            }
        }
        double sum = 0;
        for (String label : labels) {
            double tpv = tp.getOrDefault(label, 0);
            double precision = tpv + fp.getOrDefault(label, 0) == 0 ? 0 : tpv / (tpv + fp.getOrDefault(label, 0));
            double recall = tpv / (tpv + fn.getOrDefault(label, 0));
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / labels.size();
    }
}
