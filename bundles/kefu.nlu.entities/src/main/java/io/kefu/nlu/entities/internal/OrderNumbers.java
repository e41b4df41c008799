package io.kefu.nlu.entities.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Order numbers by the configured patterns, which differ from shop to shop. */
final class OrderNumbers implements Recognizer {
    /** The demo shop's numbers: E and the order's date and sequence, e.g. E20261121000123. */
    static final String DEMO_SHOP = "[Ee]\\d{14,18}";
    /**
     * Any shop's number right after the customer calls it one. At least one digit, so that "order number please"
     * does not make "please" an order number.
     */
    static final String AFTER_CUE_WORD = "(?i)(?:订单号码|订单编号|订单号|订单|(?<![a-z])order\\s*(?:number|no\\.?|#))"
            + "\\s*(?:[:#]|是|为|is)?\\s*(?<number>(?=[a-z]*\\d)[a-z0-9]{6,24})";

    private static final String GROUP = "number";

    @Override
    public void find(Text text, Context context, List<Candidate> out) {
        String s = text.normalized();
        for (Pattern pattern : context.settings().orderNumberPatterns()) {
            boolean grouped = pattern.pattern().contains("(?<" + GROUP + ">");
            Matcher m = pattern.matcher(s);
            int from = 0;
            // find(from) instead of find(): when a match is refused for its boundaries, a shorter one may start
            // inside it, which a plain find() would skip.
            while (from <= s.length() && m.find(from)) {
                int start = grouped ? m.start(GROUP) : m.start();
                int end = grouped ? m.end(GROUP) : m.end();
                if (start >= 0 && text.standsAlone(start, end)) {
                    String number = s.substring(start, end).toUpperCase(Locale.ROOT);
                    out.add(Candidate.of(Candidate.ORDER_NUMBER, start, end, number));
                    from = Math.max(m.end(), m.start() + 1);
                } else {
                    from = m.start() + 1;
                }
            }
        }
    }
}
