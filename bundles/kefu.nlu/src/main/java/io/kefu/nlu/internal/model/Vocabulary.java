package io.kefu.nlu.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features a model knows, each with its inverse document frequency. Only features seen in at least
 * {@code minDocuments} training messages are kept: rarer ones are mostly noise and would multiply the model's size
 * (one weight per feature and class).
 */
public final class Vocabulary {
    private final Map<String, Integer> index;
    private final float[] idf;

    private Vocabulary(Map<String, Integer> index, float[] idf) {
        this.index = index;
        this.idf = idf;
    }

    public static Vocabulary build(List<Map<String, Integer>> documents, int minDocuments) {
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> document : documents) {
            for (String feature : document.keySet()) {
                df.merge(feature, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<Float> weights = new ArrayList<>();
        int n = documents.size();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= minDocuments) {
                index.put(e.getKey(), index.size());
                weights.add((float) (Math.log((1.0 + n) / (1.0 + e.getValue())) + 1.0));
            }
        }
        float[] idf = new float[weights.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = weights.get(i);
        }
        return new Vocabulary(index, idf);
    }

    public int size() {
        return idf.length;
    }

    /** Sub-linear term frequency times idf, scaled to unit length; features the vocabulary lacks are dropped. */
    public SparseVector vector(Map<String, Integer> counts) {
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        int k = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                float v = (float) ((1.0 + Math.log(e.getValue())) * idf[i]);
                indices[k] = i;
                values[k] = v;
                norm += v * v;
                k++;
            }
        }
        float scale = norm == 0 ? 0 : (float) (1.0 / Math.sqrt(norm));
        int[] idx = java.util.Arrays.copyOf(indices, k);
        float[] val = java.util.Arrays.copyOf(values, k);
        for (int j = 0; j < k; j++) {
            val[j] *= scale;
        }
        return new SparseVector(idx, val);
    }
}
