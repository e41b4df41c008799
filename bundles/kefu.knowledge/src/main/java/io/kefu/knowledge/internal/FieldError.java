package io.kefu.knowledge.internal;

/** What is wrong with one field of an article sent by a client. */
public record FieldError(String field, String message) {
}
