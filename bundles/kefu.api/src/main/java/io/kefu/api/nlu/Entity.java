package io.kefu.api.nlu;

/**
 * A value found in a message: {@code type} such as {@code order_number}, {@code phone}, {@code date};
 * {@code text} as written and {@code value} normalised (E.164 phone, ISO date); offsets in UTF-16 chars.
 */
public record Entity(String type, String text, String value, int start, int end) {
}
