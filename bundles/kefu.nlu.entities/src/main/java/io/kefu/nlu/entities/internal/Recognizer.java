package io.kefu.nlu.entities.internal;

import java.util.List;

/** Finds the candidates of one kind; overlaps between kinds are settled afterwards by {@link Overlaps}. */
interface Recognizer {
    void find(Text text, Context context, List<Candidate> out);
}
