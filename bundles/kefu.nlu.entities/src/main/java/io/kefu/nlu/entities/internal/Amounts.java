package io.kefu.nlu.entities.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums of money with a currency, written with a symbol or code before the number (¥99, USD 20, HK$100) or a word
 * after it (99元, 20 dollars, 5 EUR), in Arabic digits or Chinese numerals (一百二十元).
 */
final class Amounts implements Recognizer {
    /** Thousands groups bounded: Java repeats a group by recursion, and "1,000,000,..." could overflow the stack. */
    private static final String NUMBER = "(?<number>\\d{1,3}(?:,\\d{3}){1,6}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final String MULTIPLIER = "(?:\\s?(?<multiplier>千万|百万|万|千|亿|[kK](?![A-Za-z])))?";
    private static final String PREFIX = "(?<prefix>US\\$|HK\\$|\\$|¥|￥|€|£|人民币"
            + "|(?:USD|RMB|CNY|EUR|HKD|GBP|JPY)(?![A-Za-z]))";
    private static final String CHINESE_SUFFIX = "块钱|块|元|圆|人民币|美元|美金|欧元|港币|港元|英镑|日元";
    private static final String ENGLISH_SUFFIX = "(?:US\\s)?dollars?|bucks|euros?|yuan|rmb|cny|usd|eur|hkd|gbp|jpy|yen";
    /**
     * 3块5 is 3.50 and 两千块五 2500: the figure after 块 or 元 is not read, so neither is the amount. A numeral that
     * starts a new word (100块一个, a hundred each) is no such figure.
     */
    private static final String NO_SMALLER_UNIT = "(?!\\d)(?![一二三四五六七八九][毛角]?(?![\\u4e00-\\u9fff]))";
    private static final String SUFFIX = "(?<suffix>(?:" + CHINESE_SUFFIX + ")" + NO_SMALLER_UNIT
            + "|(?i:" + ENGLISH_SUFFIX + ")(?![A-Za-z]))";

    private static final Pattern PREFIXED = Pattern.compile("(?<![A-Za-z0-9])" + PREFIX + "\\s?" + NUMBER + MULTIPLIER
            + "(?:\\s?" + SUFFIX + ")?(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUFFIXED = Pattern.compile(
            "(?<![A-Za-z0-9.,])" + NUMBER + MULTIPLIER + "\\s?" + SUFFIX);
    /** From the start of a run of numerals only, and without backing off inside it: linear on long runs. */
    private static final Pattern CHINESE = Pattern.compile("(?<![" + ChineseNumbers.DIGITS + ChineseNumbers.UNITS + "])"
            + "(?<number>[" + ChineseNumbers.DIGITS + ChineseNumbers.UNITS + "]++)(?<suffix>" + CHINESE_SUFFIX + ")"
            + NO_SMALLER_UNIT);

    private static final String SYMBOLS = "$¥￥€£";
    /** A character every Chinese currency word has. */
    private static final String SUFFIX_CHARS = "块元圆币金镑";

    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("us$", "USD"), Map.entry("$", "USD"), Map.entry("hk$", "HKD"), Map.entry("¥", "CNY"),
            Map.entry("￥", "CNY"), Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("人民币", "CNY"),
            Map.entry("块钱", "CNY"), Map.entry("块", "CNY"), Map.entry("元", "CNY"), Map.entry("圆", "CNY"),
            Map.entry("美元", "USD"), Map.entry("美金", "USD"), Map.entry("欧元", "EUR"), Map.entry("港币", "HKD"),
            Map.entry("港元", "HKD"), Map.entry("英镑", "GBP"), Map.entry("日元", "JPY"), Map.entry("dollar", "USD"),
            Map.entry("dollars", "USD"), Map.entry("us dollar", "USD"), Map.entry("us dollars", "USD"),
            Map.entry("bucks", "USD"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("yuan", "CNY"),
            Map.entry("rmb", "CNY"), Map.entry("cny", "CNY"), Map.entry("usd", "USD"), Map.entry("eur", "EUR"),
            Map.entry("hkd", "HKD"), Map.entry("gbp", "GBP"), Map.entry("jpy", "JPY"), Map.entry("yen", "JPY"));

    @Override
    public void find(Text text, Context context, List<Candidate> out) {
        String s = text.normalized();
        boolean words = text.hasAny(SUFFIX_CHARS);
        if (text.hasDigit() && (words || text.hasLetter() || text.hasAny(SYMBOLS))) {
            Matcher m = PREFIXED.matcher(s);
            while (m.find()) {
                add(out, m, currency(m.group("prefix")), arabic(m.group("number"), m.group("multiplier")));
            }
            m = SUFFIXED.matcher(s);
            while (m.find()) {
                add(out, m, currency(m.group("suffix")), arabic(m.group("number"), m.group("multiplier")));
            }
        }
        if (!words) {
            return;
        }
        Matcher m = CHINESE.matcher(s);
        while (m.find()) {
            long value = ChineseNumbers.parse(m.group("number"));
            // 一块, 两块, 三块 are as often pieces of cake as yuan; from ten up 块 is money.
            if (value > 0 && (value >= 10 || !m.group("suffix").equals("块"))) {
                add(out, m, "CNY", BigDecimal.valueOf(value));
            }
        }
    }

    private static void add(List<Candidate> out, Matcher m, String currency, BigDecimal amount) {
        if (currency != null) {
            out.add(Candidate.of(Candidate.AMOUNT, m.start(), m.end(), format(amount, currency)));
        }
    }

    private static String currency(String written) {
        return CURRENCIES.get(written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    private static BigDecimal arabic(String number, String multiplier) {
        BigDecimal value = new BigDecimal(number.replace(",", ""));
        if (multiplier == null) {
            return value;
        }
        long factor = switch (multiplier) {
            case "千万" -> 10_000_000L;
            case "百万" -> 1_000_000L;
            case "万" -> 10_000L;
            case "亿" -> 100_000_000L;
            default -> 1000L; // 千, k
        };
        return value.multiply(BigDecimal.valueOf(factor));
    }

    /** The currency's usual decimals (two, none for yen), more only if the customer wrote more. */
    static String format(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        int scale = Math.max(digits, amount.stripTrailingZeros().scale());
        return amount.setScale(scale).toPlainString() + " " + currency;
    }
}
