package io.kefu.nlu.entities.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses with ASCII local parts and domains; the value is lower-cased as mail servers match them. */
final class Emails implements Recognizer {
    /**
     * Possessive where the next character cannot be in the run, so a long run without '@' or '.' fails at once;
     * the labels bounded, as Java repeats a group by recursion.
     */
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*+"
            + "@(?:[A-Za-z0-9][A-Za-z0-9-]*+\\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])");

    @Override
    public void find(Text text, Context context, List<Candidate> out) {
        if (!text.hasAny("@")) {
            return;
        }
        Matcher m = EMAIL.matcher(text.normalized());
        while (m.find()) {
            out.add(Candidate.of(Candidate.EMAIL, m.start(), m.end(), m.group().toLowerCase(Locale.ROOT)));
        }
    }
}
