package io.kefu.nlu.entities.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers as E.164: mainland mobiles and landlines in the ways people write them, others in + form. */
final class Phones implements Recognizer {
    private static final String BEFORE = "(?<![A-Za-z0-9+])";
    private static final String AFTER = "(?![A-Za-z0-9])";
    private static final String CHINA = "(?:\\+|00)86[ -]?";

    private static final Pattern MOBILE = Pattern.compile(BEFORE
            + "(?:(?:\\+|00)?86[ -]?)?(?<number>1[3-9]\\d(?:[ -]?\\d{4}){2})" + AFTER);

    /**
     * Area code 010, 02x or 0xxx (written with its trunk 0 at home, without it after +86) and a 7 or 8 digit
     * local number.
     */
    private static final Pattern LANDLINE = Pattern.compile(BEFORE
            + "(?:" + CHINA + "(?:\\(0\\))?(?<area>10|2\\d|[3-9]\\d{2})"
            + "|\\(0(?<parenthesized>10|2\\d|[3-9]\\d{2})\\)|0(?<domestic>10|2\\d|[3-9]\\d{2}))"
            + "[ -]?(?<local>[1-9]\\d{2,3}[ -]?\\d{4})" + AFTER);

    /**
     * +86 is left to the patterns above, which know where a mainland number ends. The repetition is bounded: Java
     * matches a repeated group by recursion, and "+1 1 1 1 ..." without a bound would overflow the stack.
     */
    private static final Pattern INTERNATIONAL = Pattern.compile(BEFORE
            + "\\+(?!86)[1-9]\\d{0,2}[ -]?(?:\\(\\d{1,4}\\)[ -]?)?\\d(?:[ -]?\\d){4,16}" + AFTER);

    @Override
    public void find(Text text, Context context, List<Candidate> out) {
        if (!text.hasDigit()) {
            return;
        }
        String s = text.normalized();
        Matcher m = MOBILE.matcher(s);
        while (m.find()) {
            out.add(Candidate.of(Candidate.PHONE, m.start(), m.end(), "+86" + digits(m.group("number"))));
        }
        m = LANDLINE.matcher(s);
        while (m.find()) {
            String area = m.group("area") != null ? m.group("area")
                    : m.group("parenthesized") != null ? m.group("parenthesized") : m.group("domestic");
            out.add(Candidate.of(Candidate.PHONE, m.start(), m.end(), "+86" + area + digits(m.group("local"))));
        }
        m = INTERNATIONAL.matcher(s);
        while (m.find()) {
            // "(0)" is the trunk prefix some write after the country code; it is not dialled from abroad.
            String digits = digits(m.group().replace("(0)", ""));
            if (digits.length() >= 8 && digits.length() <= 15) {
                out.add(Candidate.of(Candidate.PHONE, m.start(), m.end(), "+" + digits));
            }
        }
    }

    static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
