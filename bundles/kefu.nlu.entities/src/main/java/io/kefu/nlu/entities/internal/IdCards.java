package io.kefu.nlu.entities.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident identity card numbers (GB 11643): 18 characters, region, birth date, sequence and an ISO 7064 MOD 11-2
 * check character. The old 15-digit numbers are left out: they have no check digit, so any 15-digit number with a
 * plausible date (an IMEI, a tracking number) would pass.
 */
final class IdCards implements Recognizer {
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9])\\d{17}[\\dXx](?![A-Za-z0-9])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    /** Provinces, and 71/81/82/83 for the residence permits of Taiwan, Hong Kong and Macao residents. */
    private static final Set<String> REGIONS = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82", "83");

    @Override
    public void find(Text text, Context context, List<Candidate> out) {
        if (!text.hasDigit()) {
            return;
        }
        Matcher m = NUMBER.matcher(text.normalized());
        while (m.find()) {
            String number = m.group().toUpperCase(Locale.ROOT);
            if (isValid(number, context.today())) {
                out.add(new Candidate(Candidate.ID_CARD, m.start(), m.end(), number, true));
            }
        }
    }

    static boolean isValid(String number, LocalDate today) {
        if (number.length() != 18 || !REGIONS.contains(number.substring(0, 2))) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(today)) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return checkChar(number) == number.charAt(17);
    }

    static char checkChar(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }
}
