package io.kefu.knowledge.internal;

/** A problem with one row of an import: its line in the file (1 is the first), the field and what is wrong. */
public record RowError(int line, String field, String message) {
}
