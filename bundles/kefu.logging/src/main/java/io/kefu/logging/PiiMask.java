package io.kefu.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data customers write into messages, so that logs can be shared with support and kept for weeks.
 * Keeps just enough to correlate (the first and last characters) and drops the rest. Deliberately broad: a
 * masked order number costs less than a leaked ID number.
 */
public final class PiiMask {
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    /** Chinese resident ID (18 characters, last may be X) and bank cards (13-19 digits), with or without spaces. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{4})(?:[ -]?\\d){8,14}([0-9Xx]{1,2})?(?![0-9A-Za-z])");
    /** Mainland mobile numbers, optionally with +86, and other international numbers. */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])(\\+?\\d{1,3}[ -]?)?(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9A-Za-z])");

    private PiiMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(EMAIL, text, m -> m.group(1) + "***@" + m.group(2));
        masked = replace(PHONE, masked, m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(3));
        masked = replace(LONG_NUMBER, masked, m -> m.group(1) + "********");
        return masked;
    }

    private interface Replacement {
        String apply(Matcher match);
    }

    private static String replace(Pattern pattern, String text, Replacement replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
