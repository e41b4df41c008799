package io.kefu.nlu.entities.internal;

import java.util.List;
import java.util.Locale;

/** Counts up to ninety-nine in digits or words ("3", "three", "twenty-one"), as in "in three days". */
final class EnglishNumbers {
    private static final List<String> ONES = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");

    private EnglishNumbers() {
    }

    /** The value, or -1 if {@code s} is not such a count. */
    static long parse(String s) {
        String word = s.trim().toLowerCase(Locale.ROOT);
        if (!word.isEmpty() && word.length() <= 2 && word.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(word);
        }
        int ones = ONES.indexOf(word);
        if (ones >= 0) {
            return ones;
        }
        String[] parts = word.split("[\\s-]+");
        int tens = TENS.indexOf(parts[0]);
        if (tens < 2 || parts.length > 2) {
            return -1;
        }
        if (parts.length == 1) {
            return tens * 10L;
        }
        int unit = ONES.indexOf(parts[1]);
        return unit >= 1 && unit <= 9 ? tens * 10L + unit : -1;
    }
}
