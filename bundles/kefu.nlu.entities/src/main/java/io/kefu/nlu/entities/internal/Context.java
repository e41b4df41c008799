package io.kefu.nlu.entities.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * What one extraction works with, read once per message so that every recognizer agrees on "now" and on the
 * configuration even while it is being changed.
 */
record Context(ZonedDateTime now, Locale language, Settings settings) {
    LocalDate today() {
        return now.toLocalDate();
    }
}
