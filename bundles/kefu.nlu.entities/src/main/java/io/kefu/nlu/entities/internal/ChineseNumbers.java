package io.kefu.nlu.entities.internal;

/**
 * Reads Chinese numerals: 一百二十, 两千, 三万五千, 一百零五, financial 壹佰, digit by digit 二〇二六, and the
 * spoken shortening 一万二 (12000) or 两百五 (250), where a last digit after a unit counts in the next lower unit.
 */
final class ChineseNumbers {
    static final String DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖";
    static final String UNITS = "十拾百佰千仟万亿";

    private ChineseNumbers() {
    }

    /** The value, or -1 if {@code s} is not a well-formed numeral. */
    static long parse(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        boolean hasUnit = s.chars().anyMatch(c -> UNITS.indexOf(c) >= 0);
        if (!hasUnit) {
            long value = 0;
            for (int i = 0; i < s.length(); i++) {
                int d = digit(s.charAt(i));
                if (d < 0 || i >= 12) {
                    return -1;
                }
                value = value * 10 + d;
            }
            return value;
        }
        long total = 0;     // the part already multiplied by 万 or 亿
        long section = 0;   // the part below 万
        int pending = -1;   // a digit waiting for its unit
        long lastUnit = 1;
        long sectionUnit = 0;
        boolean zeroSinceUnit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d == 0) {
                zeroSinceUnit = true;
            } else if (d > 0) {
                if (pending >= 0) {
                    return -1;
                }
                pending = d;
            } else {
                long unit = unit(c);
                if (unit < 0) {
                    return -1;
                }
                if (unit <= 1000) {
                    if (sectionUnit != 0 && unit >= sectionUnit) {
                        return -1; // 三百四百: units go down within a section
                    }
                    if (pending < 0) {
                        if (unit != 10) {
                            return -1; // 十二 is twelve, but 百 or 千 alone is not a number
                        }
                        pending = 1;
                    }
                    section += pending * unit;
                    sectionUnit = unit;
                } else {
                    section += Math.max(pending, 0);
                    if (section == 0 && total == 0) {
                        return -1;
                    }
                    total = unit == 100_000_000L ? (total + section) * unit : total + section * unit;
                    section = 0;
                    sectionUnit = 0;
                }
                pending = -1;
                lastUnit = unit;
                zeroSinceUnit = false;
            }
        }
        if (pending >= 0) {
            section += !zeroSinceUnit && lastUnit >= 100 ? pending * lastUnit / 10 : pending;
        }
        return total + section;
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    private static long unit(char c) {
        return switch (c) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1000;
            case '万' -> 10_000;
            case '亿' -> 100_000_000L;
            default -> -1;
        };
    }

    /** Arabic digits or a Chinese numeral; -1 if neither. */
    static long parseAny(String s) {
        if (s != null && !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return s.length() > 12 ? -1 : Long.parseLong(s);
        }
        return parse(s);
    }
}
