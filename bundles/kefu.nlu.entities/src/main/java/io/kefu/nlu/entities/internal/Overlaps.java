package io.kefu.nlu.entities.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks one claim per character. A checksum-validated number beats any pattern match; otherwise the longer span
 * wins, since the shorter one is usually a piece of it read out of context; equally long spans go by how specific
 * the type is (an order number found by its cue word says more than the shape of a phone number).
 */
final class Overlaps {
    private static final List<String> SPECIFICITY = List.of(Candidate.ID_CARD, Candidate.BANK_CARD,
            Candidate.EMAIL, Candidate.ORDER_NUMBER, Candidate.PHONE, Candidate.DATETIME, Candidate.DATE,
            Candidate.TIME, Candidate.AMOUNT);

    static final Comparator<Candidate> STRONGEST_FIRST = Comparator
            .comparing((Candidate c) -> !c.validated())
            .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
            .thenComparingInt(c -> specificity(c.type()))
            .thenComparingInt(Candidate::start);

    private Overlaps() {
    }

    static List<Candidate> resolve(List<Candidate> candidates) {
        List<Candidate> strongestFirst = new ArrayList<>(candidates);
        strongestFirst.sort(STRONGEST_FIRST);
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : strongestFirst) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    private static int specificity(String type) {
        int i = SPECIFICITY.indexOf(type);
        return i < 0 ? SPECIFICITY.size() : i;
    }
}
