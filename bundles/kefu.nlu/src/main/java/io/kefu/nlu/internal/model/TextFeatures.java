package io.kefu.nlu.internal.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a message into the features the linear models read: for Chinese, runs of characters one to three long
 * (word segmentation is unreliable on short, informal customer messages, and character n-grams carry most of what
 * a segmenter would); for English and other alphabetic text, words, word pairs and character n-grams inside words
 * (which tolerate typos and inflection: "refund", "refunded", "refnd"). Digits are folded to one shape so that
 * order numbers and amounts do not each become a feature of their own.
 */
public final class TextFeatures {
    private TextFeatures() {
    }

    /** NFKC (full-width letters and digits to ASCII), lower case, digits folded to '0'. */
    public static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            out.append(Character.isDigit(c) ? '0' : c);
        }
        return out.toString();
    }

    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Chinese when at least a fifth of the letters are CJK characters; otherwise English. */
    public static Locale language(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (isCjk(cp)) {
                    cjk++;
                }
            }
            i += Character.charCount(cp);
        }
        return letters > 0 && cjk * 5 >= letters ? Locale.CHINESE : Locale.ENGLISH;
    }

    /** Feature counts of one message (before weighting). */
    public static Map<String, Integer> count(String text) {
        String norm = normalise(text);
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder cjkRun = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String previousWord = "^";
        for (int i = 0; i <= norm.length(); ) {
            int cp = i < norm.length() ? norm.codePointAt(i) : ' ';
            boolean cjk = isCjk(cp);
            boolean wordChar = !cjk && (Character.isLetterOrDigit(cp) || cp == '\'');
            if (!cjk && cjkRun.length() > 0) {
                addCjkRun(cjkRun, counts);
                cjkRun.setLength(0);
            }
            if (!wordChar && word.length() > 0) {
                String w = word.toString();
                addWord(w, previousWord, counts);
                previousWord = w;
                word.setLength(0);
            }
            if (cjk) {
                cjkRun.appendCodePoint(cp);
                previousWord = "^";
            } else if (wordChar) {
                word.appendCodePoint(cp);
            }
            i += i < norm.length() ? Character.charCount(cp) : 1;
        }
        if (!"^".equals(previousWord)) {
            add(counts, "b:" + previousWord + " $");
        }
        return counts;
    }

    private static void addWord(String w, String previous, Map<String, Integer> counts) {
        add(counts, "w:" + w);
        add(counts, "b:" + previous + " " + w);
        String padded = "<" + w + ">";
        for (int n = 3; n <= 5; n++) {
            for (int s = 0; s + n <= padded.length(); s++) {
                add(counts, "c:" + padded.substring(s, s + n));
            }
        }
    }

    private static void addCjkRun(CharSequence run, Map<String, Integer> counts) {
        String padded = "<" + run + ">";
        int[] cps = padded.codePoints().toArray();
        for (int n = 1; n <= 3; n++) {
            for (int s = 0; s + n <= cps.length; s++) {
                if (n == 1 && (s == 0 || s == cps.length - 1)) {
                    continue; // the boundary markers alone say nothing
                }
                add(counts, "z:" + new String(cps, s, n));
            }
        }
    }

    private static void add(Map<String, Integer> counts, String feature) {
        counts.merge(feature, 1, Integer::sum);
    }
}
