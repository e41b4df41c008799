package io.kefu.nlu.entities.internal;

import io.kefu.api.nlu.Entity;

/**
 * A span one recognizer claims. {@code validated} marks a number that passed a checksum, which makes it a stronger
 * claim than any pattern match on the same characters.
 */
record Candidate(String type, int start, int end, String value, boolean validated) {
    static final String ORDER_NUMBER = "order_number";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String DATE = "date";
    static final String TIME = "time";
    static final String DATETIME = "datetime";
    static final String AMOUNT = "amount";
    static final String ID_CARD = "id_card";
    static final String BANK_CARD = "bank_card";

    static Candidate of(String type, int start, int end, String value) {
        return new Candidate(type, start, end, value, false);
    }

    int length() {
        return end - start;
    }

    boolean overlaps(Candidate other) {
        return start < other.end && other.start < end;
    }

    Entity toEntity(Text text) {
        return new Entity(type, text.original(start, end), value, start, end);
    }
}
