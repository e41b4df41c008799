package io.kefu.nlu.entities.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times and both together, in Chinese and English, absolute or relative to the context's "now".
 *
 * <p>Works in two steps. Each rule finds a piece: a date (明天, next Monday, 3月5日), a part of the day (下午,
 * morning), a clock time (3点半, 3pm, 15:00) or a moment (两小时后). Then pieces written next to each other are
 * joined: a date with a part of the day and/or a time becomes a datetime ("明天下午3点", "tomorrow at 3pm",
 * "3pm tomorrow").
 */
final class DatesAndTimes implements Recognizer {

    /** Parts of the day, with the hour used when no hour is given ("明天下午" is tomorrow 15:00). */
    enum PartOfDay {
        SMALL_HOURS(3), EARLY_MORNING(8), MORNING(9), NOON(12), AFTERNOON(15), DUSK(18), EVENING(20);

        final int defaultHour;

        PartOfDay(int defaultHour) {
            this.defaultHour = defaultHour;
        }

        /** The hour on a 24-hour clock; 24 and more is after midnight ("晚上12点", "今晚1点"). */
        int toClock(int hour) {
            if (hour > 12) {
                return hour; // already on a 24-hour clock: 下午15点
            }
            return switch (this) {
                case SMALL_HOURS -> hour == 12 ? 0 : hour;
                case EARLY_MORNING, MORNING -> hour;
                case NOON -> hour <= 5 ? hour + 12 : hour;
                case AFTERNOON, DUSK -> hour == 12 ? 12 : hour + 12;
                case EVENING -> hour == 12 ? 24 : hour < 5 ? hour + 24 : hour + 12;
            };
        }
    }

    sealed interface Piece permits DatePiece, PartPiece, TimePiece, MomentPiece {
        int start();

        int end();
    }

    /** A day, with the part of the day when the word carries one (今晚, tonight). */
    record DatePiece(int start, int end, LocalDate date, PartOfDay part) implements Piece {
    }

    record PartPiece(int start, int end, PartOfDay part) implements Piece {
    }

    /**
     * A clock time as written: {@code pm} is null without am/pm. A weak time (三点 alone) is as often "three points"
     * as three o'clock, so it only counts next to a date.
     */
    record TimePiece(int start, int end, int hour, int minute, PartOfDay part, Boolean pm, boolean weak)
            implements Piece {
    }

    /** A point in time counted from now (两小时后, in two hours). */
    record MomentPiece(int start, int end, ZonedDateTime at) implements Piece {
    }

    /** {@code worthTrying}: a cheap look for a character or word every match has, to spare the regex engine. */
    private record Rule(Predicate<Text> worthTrying, Pattern pattern, BiFunction<Matcher, Context, Piece> read) {
    }

    private static Predicate<Text> any(String chars) {
        return text -> text.hasAny(chars);
    }

    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx", Locale.ROOT);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private static final String ZH_NUMBER = "[零〇一二两三四五六七八九十]{1,3}";
    private static final String ZH_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";
    private static final String ZH_PART = "凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|晚间|夜里|夜间";
    /** 3号楼 is building 3, 1号线 metro line 1: not the 3rd or the 1st. */
    private static final String NOT_A_NUMBERED_THING = "(?![楼线门房口床台柜窗位机车厅室馆院店仓码])";
    private static final String AM_PM = "(?<ampm>[AaPp]\\.[Mm]\\.|[AaPp][Mm])(?![A-Za-z])";
    private static final String EN_MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String EN_NUMBER = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
            + "|one|two|three|four|five|six|seven|eight|nine";
    private static final String EN_COUNT = EN_NUMBER + "|\\d{1,2}|half\\s+an?|an?";
    private static final String EN_UNIT = "days?|weeks?|months?|years?|hours?|minutes?|mins?";

    /** What may stand between a date and its time: "明天 下午3点", "明天的下午", "tomorrow at 3pm", "Monday, 3pm". */
    private static final Pattern GAP = Pattern.compile(
            "\\s*,?\\s*(?:(?:at|on|around|about|in\\s+the)\\s+)?|\\s*的\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern TIME_THEN_DATE = Pattern.compile("\\s+(?:on\\s+)?", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> ZH_DAY_OFFSETS = Map.ofEntries(Map.entry("大前天", -3),
            Map.entry("前天", -2), Map.entry("昨天", -1), Map.entry("昨日", -1), Map.entry("昨晚", -1),
            Map.entry("今天", 0), Map.entry("今日", 0), Map.entry("今晚", 0), Map.entry("今早", 0),
            Map.entry("今晨", 0), Map.entry("明天", 1), Map.entry("明日", 1), Map.entry("明晚", 1),
            Map.entry("明早", 1), Map.entry("明晨", 1), Map.entry("后天", 2), Map.entry("大后天", 3));
    private static final Map<String, PartOfDay> PARTS = Map.ofEntries(Map.entry("凌晨", PartOfDay.SMALL_HOURS),
            Map.entry("早上", PartOfDay.EARLY_MORNING), Map.entry("早晨", PartOfDay.EARLY_MORNING),
            Map.entry("清晨", PartOfDay.EARLY_MORNING), Map.entry("上午", PartOfDay.MORNING),
            Map.entry("中午", PartOfDay.NOON), Map.entry("下午", PartOfDay.AFTERNOON), Map.entry("傍晚", PartOfDay.DUSK),
            Map.entry("晚上", PartOfDay.EVENING), Map.entry("晚间", PartOfDay.EVENING),
            Map.entry("夜里", PartOfDay.EVENING), Map.entry("夜间", PartOfDay.EVENING),
            Map.entry("morning", PartOfDay.MORNING), Map.entry("afternoon", PartOfDay.AFTERNOON),
            Map.entry("evening", PartOfDay.EVENING), Map.entry("night", PartOfDay.EVENING),
            Map.entry("noon", PartOfDay.NOON), Map.entry("midday", PartOfDay.NOON));
    /** English speakers outside North America write 3/5 for the 3rd of May. */
    private static final Set<String> DAY_FIRST_ENGLISH = Set.of("GB", "IE", "AU", "NZ", "IN", "ZA", "SG", "HK");

    // Cheap looks for a word every match contains; most messages have none, and then the regex is not run.
    private static final Predicate<Text> DAY_WORD =
            t -> t.mentions("today", "tomorrow", "yesterday", "tonight", "this");
    private static final Predicate<Text> WEEKDAY_NAME =
            t -> t.mentions("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Predicate<Text> MONTH_NAME = t -> t.hasDigit()
            && t.mentions("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Predicate<Text> DURATION = t -> t.mentions("day", "week", "month", "year", "hour", "min");
    private static final Predicate<Text> DURATION_AGO = t -> DURATION.test(t) && t.mentions("ago", "later", "now");
    private static final Predicate<Text> PART_WORD = t -> t.hasAny("晨上午晚夜")
            || t.mentions("morning", "afternoon", "evening", "night", "noon", "midday");

    private static final List<Rule> RULES = List.of(
            // 明天, 后天, 今晚 ...
            rule(any("天日晚早晨"), "大后天|大前天|后天|前天|明天|明日|今天|今日|昨天|昨日|今晚|明晚|昨晚|今早|明早|今晨|明晨",
                    DatesAndTimes::chineseDayWord),
            // 下周一, 下个星期三, 这周五, 周日; not the 周一 in 一周一次 or 每周一
            rule(any("周星礼"), "(?<![零〇一二两三四五六七八九十\\d个每])(?:(?<which>下下|下|这|本|上)个?)?"
                    + "(?:周|星期|礼拜)(?<day>[一二三四五六日天1-7])(?!次)",
                    DatesAndTimes::chineseWeekday),
            // 2026年3月5日, 3月5号, 十一月二十三日
            rule(any("月"), "(?<![\\dA-Za-z])(?:(?<year>\\d{4}|[零〇一二三四五六七八九]{4})\\s*年\\s*)?"
                    + "(?<month>\\d{1,2}|十[一二]?|[一二三四五六七八九])\\s*月"
                    + "\\s*(?<day>\\d{1,2}|" + ZH_DAY + ")\\s*[日号號]" + NOT_A_NUMBERED_THING,
                    DatesAndTimes::chineseDate),
            // 下个月10号, 本月5日
            rule(any("月"), "(?<which>下下个?月|下个?月|上个?月|这个月|本月|当月)"
                    + "\\s*(?<day>\\d{1,2}|" + ZH_DAY + ")\\s*[日号號]" + NOT_A_NUMBERED_THING,
                    DatesAndTimes::chineseMonthDay),
            // 3号, 十五号
            rule(any("号號"), "(?<![\\dA-Za-z零〇一二两三四五六七八九十月第])"
                    + "(?<day>\\d{1,2}|" + ZH_DAY + ")\\s*[号號]" + NOT_A_NUMBERED_THING,
                    DatesAndTimes::dayOfMonth),
            // 三天后, 两周后, 3个月后, 一年前 (not 日: 5日前 is "before the 5th" as often as "five days ago")
            rule(any("后前"), "(?<![\\dA-Za-z零〇一二两三四五六七八九十])(?<n>\\d{1,2}|" + ZH_NUMBER + ")"
                    + "\\s*(?<unit>个月|个星期|个礼拜|个周|星期|礼拜|周|天|年)\\s*(?<direction>以后|之后|后|以前|之前|前)",
                    DatesAndTimes::chineseDaysFromNow),
            // 两小时后, 半小时后, 一个半小时后, 30分钟后
            rule(any("后前"), "(?<![\\dA-Za-z零〇一二两三四五六七八九十])"
                    + "(?:(?<n>\\d{1,2}|" + ZH_NUMBER + ")\\s*个?(?<half>半)?|(?<onlyHalf>半)个?)"
                    + "\\s*(?<unit>小时|钟头|分钟)\\s*(?<direction>以后|之后|后|以前|之前|前)",
                    DatesAndTimes::chineseMomentFromNow),
            // 3点, 下午三点半, 晚上8点15分, 10点一刻
            rule(any("点點时時"), "(?:(?<part>" + ZH_PART + ")\\s*)?(?<![\\dA-Za-z.:第零〇一二两三四五六七八九十])"
                    + "(?<hour>\\d{1,2}|" + ZH_NUMBER + ")\\s*[点點时時](?<oclock>钟|鐘)?"
                    + "(?:(?<half>半)|(?<quarter>[一三])刻|(?<minute>\\d{1,2}|" + ZH_NUMBER + ")\\s*分"
                    + "|(?<bareMinute>\\d{2}|零[一二三四五六七八九]|[一二三四五]?十[一二三四五六七八九]?))?"
                    + "(?![\\d零〇一二两三四五六七八九十百千万点點分])",
                    DatesAndTimes::chineseTime),
            // 15:00, 上午10:30, 3:30 pm
            rule(any(":"), "(?:(?<part>" + ZH_PART + ")\\s*)?(?<![\\dA-Za-z.:/])"
                    + "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::\\d{2})?(?:\\s?" + AM_PM + ")?(?![\\dA-Za-z:])",
                    DatesAndTimes::colonTime),
            // 3pm, 3 p.m.
            rule(t -> t.hasDigit() && t.hasAny("mM"), "(?<![\\dA-Za-z.:/])(?<hour>\\d{1,2})\\s?" + AM_PM,
                    DatesAndTimes::amPmTime),
            // 2026-03-05, 2026/3/5, 2026.3.5
            rule(t -> t.hasDigit() && t.hasAny("-/."), "(?<![\\dA-Za-z/.\\-])(?<year>\\d{4})(?<separator>[-/.])"
                    + "(?<month>\\d{1,2})\\k<separator>(?<day>\\d{1,2})(?![\\dA-Za-z]|[-/.]\\d)",
                    DatesAndTimes::numericDate),
            // 3/5, 3/5/2026: month first or day first by the message's language
            rule(any("/"), "(?<![\\dA-Za-z/.\\-])(?<first>\\d{1,2})/(?<second>\\d{1,2})(?:/(?<year>\\d{4}|\\d{2}))?"
                    + "(?![\\dA-Za-z]|[/.]\\d)",
                    DatesAndTimes::slashDate),
            // today, the day after tomorrow, tonight, this afternoon
            rule(DAY_WORD, "(?i)(?<![A-Za-z])(?:(?:the\\s+)?day\\s+after\\s+tomorrow"
                    + "|(?:the\\s+)?day\\s+before\\s+yesterday|today|tomorrow|yesterday|tonight"
                    + "|this\\s+(?:morning|afternoon|evening))(?![A-Za-z])",
                    DatesAndTimes::englishDayWord),
            // next Monday, this Friday, on Tuesday, Sunday
            rule(WEEKDAY_NAME, "(?i)(?<![A-Za-z])(?:(?<which>next|this|last|on)\\s+)?(?<day>monday|tuesday"
                    + "|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)"
                    + "(?![A-Za-z])",
                    DatesAndTimes::englishWeekday),
            // March 5, Mar. 5th, 2026
            rule(MONTH_NAME, "(?i)(?<![A-Za-z])(?<month>" + EN_MONTHS + ")\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?"
                    + "(?:,?\\s+(?<year>\\d{4}))?(?![A-Za-z0-9])",
                    DatesAndTimes::englishDate),
            // 5 March 2026, 5th of March
            rule(MONTH_NAME, "(?i)(?<![A-Za-z0-9])(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
                    + "(?<month>" + EN_MONTHS + ")(?:,?\\s+(?<year>\\d{4}))?(?![A-Za-z0-9])",
                    DatesAndTimes::englishDate),
            // in 3 days, in two hours, in half an hour
            rule(DURATION, "(?i)(?<![A-Za-z])in\\s+(?<n>" + EN_COUNT + ")\\s+(?<unit>" + EN_UNIT + ")"
                    + "(?![A-Za-z])",
                    DatesAndTimes::englishFromNow),
            // 3 days ago, two hours from now, a week later
            rule(DURATION_AGO, "(?i)(?<![A-Za-z0-9])(?<n>" + EN_COUNT + ")\\s+(?<unit>" + EN_UNIT + ")"
                    + "\\s+(?<direction>from\\s+now|later|ago)(?![A-Za-z])",
                    DatesAndTimes::englishFromNow),
            // 下午, morning: only used next to a date
            rule(PART_WORD,
                    ZH_PART + "|(?<![A-Za-z])(?i:morning|afternoon|evening|night|noon|midday)(?![A-Za-z])",
                    (m, c) -> new PartPiece(m.start(), m.end(), PARTS.get(m.group().toLowerCase(Locale.ROOT)))));

    private static Rule rule(Predicate<Text> worthTrying, String regex, BiFunction<Matcher, Context, Piece> read) {
        return new Rule(worthTrying, Pattern.compile(regex), read);
    }

    @Override
    public void find(Text text, Context context, List<Candidate> out) {
        String s = text.normalized();
        List<Piece> pieces = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.worthTrying().test(text)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(s);
            while (m.find()) {
                Piece piece = rule.read().apply(m, context);
                if (piece != null) {
                    pieces.add(piece);
                }
            }
        }
        join(withoutOverlaps(pieces), s, context, out);
    }

    /** Where rules overlap (下午 inside 下午3点, 10号 inside 下个月10号) the longer reading is the one meant. */
    private static List<Piece> withoutOverlaps(List<Piece> pieces) {
        List<Piece> longestFirst = new ArrayList<>(pieces);
        longestFirst.sort(Comparator.comparingInt((Piece p) -> p.end() - p.start()).reversed()
                .thenComparingInt(Piece::start));
        List<Piece> kept = new ArrayList<>();
        for (Piece p : longestFirst) {
            if (kept.stream().noneMatch(k -> k.start() < p.end() && p.start() < k.end())) {
                kept.add(p);
            }
        }
        kept.sort(Comparator.comparingInt(Piece::start));
        return kept;
    }

    private static void join(List<Piece> pieces, String s, Context context, List<Candidate> out) {
        int i = 0;
        while (i < pieces.size()) {
            Piece piece = pieces.get(i);
            Piece next = i + 1 < pieces.size() ? pieces.get(i + 1) : null;
            if (piece instanceof DatePiece date) {
                int end = date.end();
                PartOfDay part = date.part();
                TimePiece time = null;
                int j = i + 1;
                if (part == null && j < pieces.size() && pieces.get(j) instanceof PartPiece p
                        && adjacent(s, end, p.start())) {
                    part = p.part();
                    end = p.end();
                    j++;
                }
                // a weak time only right after its date: 明天一点 is one o'clock, 明天 一点也不 is not
                if (j < pieces.size() && pieces.get(j) instanceof TimePiece t
                        && (t.weak() ? t.start() == end : adjacent(s, end, t.start()))) {
                    time = t;
                    end = t.end();
                    j++;
                }
                addDate(out, date.start(), end, date.date(), part, time, context);
                i = j;
            } else if (piece instanceof TimePiece time && next instanceof DatePiece date
                    && timeBeforeDate(s, time, date)) {
                addDate(out, time.start(), date.end(), date.date(), date.part(), time, context);
                i += 2;
            } else if (piece instanceof TimePiece time) {
                int hour = clockHour(time, null);
                if (!time.weak() && hour >= 0) {
                    out.add(Candidate.of(Candidate.TIME, time.start(), time.end(),
                            LocalTime.of(hour % 24, time.minute()).format(TIME)));
                }
                i++;
            } else if (piece instanceof MomentPiece moment) {
                out.add(Candidate.of(Candidate.DATETIME, moment.start(), moment.end(), moment.at().format(DATETIME)));
                i++;
            } else {
                i++; // a part of the day alone: "good morning" names no time
            }
        }
    }

    /**
     * "3pm tomorrow", "15:00 on Monday": English puts the time first as often as not, Chinese does not, so only an
     * English date word is joined to the time before it (else "10:30 三天后" in a list would become one).
     */
    private static boolean timeBeforeDate(String s, TimePiece time, DatePiece date) {
        char first = s.charAt(date.start());
        return !time.weak() && (first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')
                && TIME_THEN_DATE.matcher(s.substring(time.end(), date.start())).matches();
    }

    private static boolean adjacent(String s, int end, int start) {
        return end <= start && GAP.matcher(s.substring(end, start)).matches();
    }

    private static void addDate(List<Candidate> out, int start, int end, LocalDate date, PartOfDay part,
            TimePiece time, Context context) {
        if (time == null && part == null) {
            out.add(Candidate.of(Candidate.DATE, start, end, date.toString()));
            return;
        }
        int hour = time == null ? part.defaultHour : clockHour(time, part);
        if (hour < 0) {
            return;
        }
        LocalDateTime at = date.atStartOfDay().plusHours(hour).plusMinutes(time == null ? 0 : time.minute());
        out.add(Candidate.of(Candidate.DATETIME, start, end, at.atZone(context.now().getZone()).format(DATETIME)));
    }

    /** The hour on a 24-hour clock (24 and more: after midnight), or -1 if the time does not exist. */
    static int clockHour(TimePiece time, PartOfDay contextPart) {
        int h = time.hour();
        if (time.minute() > 59 || h > 24) {
            return -1;
        }
        if (time.pm() != null) {
            if (h < 1 || h > 12) {
                return -1;
            }
            return time.pm() ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        }
        PartOfDay part = time.part() != null ? time.part() : contextPart;
        int hour = part == null ? h : part.toClock(h);
        return h == 24 && time.minute() > 0 ? -1 : hour;
    }

    // ---- readers: each turns one match into a piece, or null when the words name no real date ----

    private static Piece chineseDayWord(Matcher m, Context c) {
        String word = m.group();
        PartOfDay part = word.endsWith("晚") ? PartOfDay.EVENING
                : word.endsWith("早") || word.endsWith("晨") ? PartOfDay.EARLY_MORNING : null;
        return new DatePiece(m.start(), m.end(), c.today().plusDays(ZH_DAY_OFFSETS.get(word)), part);
    }

    private static Piece chineseWeekday(Matcher m, Context c) {
        String d = m.group("day");
        int day = "日天".contains(d) ? 7 : "一二三四五六".indexOf(d) >= 0 ? "一二三四五六".indexOf(d) + 1 : d.charAt(0) - '0';
        String which = m.group("which");
        Integer weeks = which == null ? null : switch (which) {
            case "上" -> -1;
            case "下" -> 1;
            case "下下" -> 2;
            default -> 0;
        };
        return new DatePiece(m.start(), m.end(), weekday(c.today(), DayOfWeek.of(day), weeks), null);
    }

    /**
     * {@code weeks} counts calendar weeks from Monday (下周一 and "next Monday" are the Monday of next week);
     * without it, the first such day from today on.
     */
    static LocalDate weekday(LocalDate today, DayOfWeek day, Integer weeks) {
        if (weeks == null) {
            return today.with(TemporalAdjusters.nextOrSame(day));
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.plusWeeks(weeks).plusDays(day.getValue() - 1L);
    }

    private static Piece chineseDate(Matcher m, Context c) {
        long month = ChineseNumbers.parseAny(m.group("month"));
        long day = ChineseNumbers.parseAny(m.group("day"));
        String year = m.group("year");
        LocalDate date = year == null ? nearest(c.today(), month, day)
                : date(ChineseNumbers.parseAny(year), month, day);
        return date == null ? null : new DatePiece(m.start(), m.end(), date, null);
    }

    private static Piece chineseMonthDay(Matcher m, Context c) {
        String which = m.group("which");
        int months = which.startsWith("下下") ? 2 : which.startsWith("下") ? 1 : which.startsWith("上") ? -1 : 0;
        YearMonth month = YearMonth.from(c.today()).plusMonths(months);
        LocalDate date = date(month.getYear(), month.getMonthValue(), ChineseNumbers.parseAny(m.group("day")));
        return date == null ? null : new DatePiece(m.start(), m.end(), date, null);
    }

    /** 3号: the 3rd of this month, last month or next month, whichever is nearest to today. */
    private static Piece dayOfMonth(Matcher m, Context c) {
        long day = ChineseNumbers.parseAny(m.group("day"));
        YearMonth now = YearMonth.from(c.today());
        LocalDate best = null;
        for (int months = -1; months <= 1; months++) {
            YearMonth month = now.plusMonths(months);
            best = nearer(c.today(), best, date(month.getYear(), month.getMonthValue(), day));
        }
        return best == null ? null : new DatePiece(m.start(), m.end(), best, null);
    }

    private static Piece chineseDaysFromNow(Matcher m, Context c) {
        long n = ChineseNumbers.parseAny(m.group("n"));
        if (n < 0 || n > 99) {
            return null;
        }
        long signed = m.group("direction").endsWith("后") ? n : -n;
        String unit = m.group("unit");
        LocalDate today = c.today();
        LocalDate date = unit.endsWith("月") ? today.plusMonths(signed)
                : unit.equals("年") ? today.plusYears(signed)
                : unit.equals("天") ? today.plusDays(signed) : today.plusWeeks(signed);
        return new DatePiece(m.start(), m.end(), date, null);
    }

    private static Piece chineseMomentFromNow(Matcher m, Context c) {
        boolean hours = !m.group("unit").equals("分钟");
        long minutes;
        if (m.group("onlyHalf") != null) {
            minutes = 30;
        } else {
            long n = ChineseNumbers.parseAny(m.group("n"));
            if (n < 0 || n > 99) {
                return null;
            }
            minutes = hours ? n * 60 + (m.group("half") != null ? 30 : 0) : n;
        }
        if (!hours && (m.group("onlyHalf") != null || m.group("half") != null)) {
            return null; // 半分钟: nobody schedules to the half minute
        }
        long signed = m.group("direction").endsWith("后") ? minutes : -minutes;
        return new MomentPiece(m.start(), m.end(), c.now().truncatedTo(ChronoUnit.MINUTES).plusMinutes(signed));
    }

    private static Piece chineseTime(Matcher m, Context c) {
        long hour = ChineseNumbers.parseAny(m.group("hour"));
        long minute = 0;
        if (m.group("half") != null) {
            minute = 30;
        } else if (m.group("quarter") != null) {
            minute = m.group("quarter").equals("一") ? 15 : 45;
        } else if (m.group("minute") != null || m.group("bareMinute") != null) {
            minute = ChineseNumbers.parseAny(m.group("minute") != null ? m.group("minute") : m.group("bareMinute"));
        }
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59) {
            return null;
        }
        PartOfDay part = m.group("part") == null ? null : PARTS.get(m.group("part"));
        boolean bare = part == null && m.group("oclock") == null && m.group("half") == null
                && m.group("quarter") == null && m.group("minute") == null && m.group("bareMinute") == null;
        boolean weak = bare && !Character.isDigit(m.group("hour").charAt(0));
        return new TimePiece(m.start(), m.end(), (int) hour, (int) minute, part, null, weak);
    }

    private static Piece colonTime(Matcher m, Context c) {
        int hour = Integer.parseInt(m.group("hour"));
        int minute = Integer.parseInt(m.group("minute"));
        if (hour > 23 || minute > 59) {
            return null;
        }
        PartOfDay part = m.group("part") == null ? null : PARTS.get(m.group("part"));
        return new TimePiece(m.start(), m.end(), hour, minute, part, pm(m.group("ampm")), false);
    }

    private static Piece amPmTime(Matcher m, Context c) {
        int hour = Integer.parseInt(m.group("hour"));
        return new TimePiece(m.start(), m.end(), hour, 0, null, pm(m.group("ampm")), false);
    }

    private static Boolean pm(String ampm) {
        return ampm == null ? null : Character.toLowerCase(ampm.charAt(0)) == 'p';
    }

    private static Piece numericDate(Matcher m, Context c) {
        LocalDate date = date(Long.parseLong(m.group("year")), Long.parseLong(m.group("month")),
                Long.parseLong(m.group("day")));
        return date == null ? null : new DatePiece(m.start(), m.end(), date, null);
    }

    private static Piece slashDate(Matcher m, Context c) {
        long first = Long.parseLong(m.group("first"));
        long second = Long.parseLong(m.group("second"));
        long month = dayFirst(c.language()) ? second : first;
        long day = dayFirst(c.language()) ? first : second;
        String year = m.group("year");
        LocalDate date;
        if (year == null) {
            date = nearest(c.today(), month, day);
        } else {
            long y = Long.parseLong(year);
            date = date(year.length() == 2 ? 2000 + y : y, month, day);
        }
        return date == null ? null : new DatePiece(m.start(), m.end(), date, null);
    }

    /** Chinese and US English put the month first; British-style English and most other languages the day. */
    static boolean dayFirst(Locale language) {
        String lang = language.getLanguage();
        if (lang.isEmpty() || lang.equals("zh")) {
            return false;
        }
        if (lang.equals("en")) {
            return DAY_FIRST_ENGLISH.contains(language.getCountry());
        }
        return true;
    }

    private static Piece englishDayWord(Matcher m, Context c) {
        String word = m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        LocalDate today = c.today();
        if (word.endsWith("after tomorrow")) {
            return new DatePiece(m.start(), m.end(), today.plusDays(2), null);
        }
        if (word.endsWith("before yesterday")) {
            return new DatePiece(m.start(), m.end(), today.minusDays(2), null);
        }
        return switch (word) {
            case "tomorrow" -> new DatePiece(m.start(), m.end(), today.plusDays(1), null);
            case "yesterday" -> new DatePiece(m.start(), m.end(), today.minusDays(1), null);
            case "tonight" -> new DatePiece(m.start(), m.end(), today, PartOfDay.EVENING);
            case "today" -> new DatePiece(m.start(), m.end(), today, null);
            default -> new DatePiece(m.start(), m.end(), today, PARTS.get(word.substring("this ".length())));
        };
    }

    private static Piece englishWeekday(Matcher m, Context c) {
        String which = m.group("which") == null ? null : m.group("which").toLowerCase(Locale.ROOT);
        String day = m.group("day").toLowerCase(Locale.ROOT);
        if (which == null && day.length() < 6) {
            return null; // "sat", "sun", "wed" alone are words, not days
        }
        DayOfWeek dow = switch (day.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
        Integer weeks = which == null || which.equals("on") ? null
                : which.equals("next") ? 1 : which.equals("last") ? -1 : 0;
        // "on" introduces the day but is not part of it
        int start = "on".equals(which) ? m.start("day") : m.start();
        return new DatePiece(start, m.end(), weekday(c.today(), dow, weeks), null);
    }

    private static Piece englishDate(Matcher m, Context c) {
        String name = m.group("month").toLowerCase(Locale.ROOT);
        int month = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(name.substring(0, 3)) + 1;
        long day = Long.parseLong(m.group("day"));
        String year = m.group("year");
        LocalDate date = year == null ? nearest(c.today(), month, day) : date(Long.parseLong(year), month, day);
        return date == null ? null : new DatePiece(m.start(), m.end(), date, null);
    }

    private static Piece englishFromNow(Matcher m, Context c) {
        String n = m.group("n").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        boolean half = n.startsWith("half");
        long count = half ? 0 : n.equals("a") || n.equals("an") ? 1 : EnglishNumbers.parse(n);
        if (count < 0 || half && !unit.startsWith("hour")) {
            return null;
        }
        boolean ago = m.group().toLowerCase(Locale.ROOT).endsWith("ago");
        long signed = ago ? -count : count;
        if (unit.startsWith("hour") || unit.startsWith("min")) {
            long minutes = half ? (ago ? -30 : 30) : unit.startsWith("hour") ? signed * 60 : signed;
            return new MomentPiece(m.start(), m.end(), c.now().truncatedTo(ChronoUnit.MINUTES).plusMinutes(minutes));
        }
        LocalDate today = c.today();
        LocalDate date = unit.startsWith("day") ? today.plusDays(signed)
                : unit.startsWith("week") ? today.plusWeeks(signed)
                : unit.startsWith("month") ? today.plusMonths(signed) : today.plusYears(signed);
        return new DatePiece(m.start(), m.end(), date, null);
    }

    // ---- calendar helpers ----

    static LocalDate date(long year, long month, long day) {
        try {
            return LocalDate.of(Math.toIntExact(year), Math.toIntExact(month), Math.toIntExact(day));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** A month and day without a year: in last year, this year or next year, whichever is nearest to today. */
    static LocalDate nearest(LocalDate today, long month, long day) {
        LocalDate best = null;
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            best = nearer(today, best, date(year, month, day));
        }
        return best;
    }

    /** The nearer of two dates to today; a tie goes to the later one, as customers more often plan than recall. */
    private static LocalDate nearer(LocalDate today, LocalDate best, LocalDate candidate) {
        if (candidate == null) {
            return best;
        }
        if (best == null) {
            return candidate;
        }
        long distance = Math.abs(ChronoUnit.DAYS.between(today, candidate));
        long bestDistance = Math.abs(ChronoUnit.DAYS.between(today, best));
        return distance < bestDistance || distance == bestDistance && candidate.isAfter(best) ? candidate : best;
    }
}
