package io.kefu.nlu.embeddings.internal;

/**
 * What of a message is given to a model: at most {@code maxChars} characters of its text, with whitespace runs and
 * control characters as single spaces and the characters a tokenizer cannot take out.
 *
 * <p>Why each is removed: a lone surrogate (a half emoji cut by a client) is invalid UTF-8 on the native
 * tokenizer's side of JNI; format characters (zero-width spaces and joiners, byte order marks, direction marks)
 * carry no meaning for these models; unassigned code points are unknown to both models' vocabularies. Control
 * characters become spaces because they often stand between words ({@code \u0000}, form feeds in pasted text).
 * The scan stops once enough text is kept, so a 100 KB message costs no more than a short one; what is kept is the
 * start of the message.
 */
final class MessageText {
    private MessageText() {
    }

    static String clean(String text, int maxChars) {
        if (text == null || text.isEmpty() || maxChars <= 0) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), maxChars));
        boolean space = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = kept.length() > 0;
                continue;
            }
            if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                continue;
            }
            int needed = Character.charCount(cp) + (space ? 1 : 0);
            if (kept.length() + needed > maxChars) {
                break;
            }
            if (space) {
                kept.append(' ');
                space = false;
            }
            kept.appendCodePoint(cp);
        }
        return kept.toString();
    }
}
