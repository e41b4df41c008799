package io.kefu.nlu.internal.model;

/** A message's features as parallel arrays of feature indices and weights. */
public record SparseVector(int[] indices, float[] values) {
    public int size() {
        return indices.length;
    }
}
