package io.kefu.nlu.entities.internal;

import java.util.Locale;

/**
 * A message as written and the form the recognizers match against. Every replacement maps one UTF-16 char to one,
 * so an offset found in {@link #normalized()} is the same offset in {@link #original()}.
 */
final class Text {
    private final String original;
    private final String normalized;
    private final boolean hasDigit;
    private final boolean hasLetter;
    private String lowerCase;

    Text(String original) {
        this.original = original;
        this.normalized = normalize(original);
        this.hasDigit = normalized.chars().anyMatch(c -> c >= '0' && c <= '9');
        this.hasLetter = normalized.chars().anyMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
    }

    // Most messages are short and hold few values; these let a recognizer skip patterns that cannot match,
    // which costs far less than letting the regex engine try every position.

    boolean hasDigit() {
        return hasDigit;
    }

    /** Any ASCII letter. */
    boolean hasLetter() {
        return hasLetter;
    }

    /** Whether any of these lower-case fragments occurs, in any case. */
    boolean mentions(String... fragments) {
        if (!hasLetter) {
            return false;
        }
        if (lowerCase == null) {
            lowerCase = normalized.toLowerCase(Locale.ROOT);
        }
        for (String fragment : fragments) {
            if (lowerCase.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    boolean hasAny(String chars) {
        for (int i = 0; i < normalized.length(); i++) {
            if (chars.indexOf(normalized.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    String original() {
        return original;
    }

    String normalized() {
        return normalized;
    }

    String original(int start, int end) {
        return original.substring(start, end);
    }

    static String normalize(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            // The full-width comma stays: in Chinese it separates clauses, and read as ',' it would turn
            // "100，200元" into a thousands-separated amount.
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '\uFF0C') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** Letters and digits of ASCII only: a CJK character next to a number does not make it part of a longer word. */
    static boolean isWordChar(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** Whether [start, end) is a whole run, not a piece of a longer run of ASCII letters and digits. */
    boolean standsAlone(int start, int end) {
        return start < end
                && (start == 0 || !isWordChar(normalized.charAt(start - 1)) || !isWordChar(normalized.charAt(start)))
                && (end == normalized.length() || !isWordChar(normalized.charAt(end))
                        || !isWordChar(normalized.charAt(end - 1)));
    }
}
