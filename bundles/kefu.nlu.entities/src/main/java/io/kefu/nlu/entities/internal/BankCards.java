package io.kefu.nlu.entities.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Payment card numbers: 13 to 19 digits, together or in groups of four, that pass the Luhn check. */
final class BankCards implements Recognizer {
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9])(?:\\d{13,19}"
            + "|\\d{4}(?<separator>[ -])\\d{4}(?:\\k<separator>\\d{4}){1,3}(?:\\k<separator>\\d{1,3})?)"
            + "(?![A-Za-z0-9])");

    @Override
    public void find(Text text, Context context, List<Candidate> out) {
        if (!text.hasDigit()) {
            return;
        }
        Matcher m = NUMBER.matcher(text.normalized());
        while (m.find()) {
            String digits = Phones.digits(m.group());
            if (digits.length() >= 13 && digits.length() <= 19 && isPlausible(digits) && passesLuhn(digits)) {
                out.add(new Candidate(Candidate.BANK_CARD, m.start(), m.end(), digits, true));
            }
        }
    }

    /**
     * No issuer starts with 0; a run of one digit passes Luhn but is a placeholder; and 86 with eleven digits is a
     * mainland phone number with its country code (one in ten of them passes Luhn), while 13-digit cards start with 4.
     */
    private static boolean isPlausible(String digits) {
        return digits.charAt(0) != '0' && digits.chars().distinct().count() > 1
                && !(digits.length() == 13 && digits.startsWith("86"));
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
