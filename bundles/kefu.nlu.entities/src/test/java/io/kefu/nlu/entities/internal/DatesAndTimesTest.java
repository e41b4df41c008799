package io.kefu.nlu.entities.internal;

import static io.kefu.nlu.entities.internal.Found.is;
import static io.kefu.nlu.entities.internal.Found.only;
import static io.kefu.nlu.entities.internal.Found.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kefu.api.nlu.Entity;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates and times against fixed clocks: Saturday 2026-11-21 10:00 and New Year's Eve 2026-12-31 23:30, both in
 * Shanghai.
 */
class DatesAndTimesTest {

    private static Entity one(Clock clock, String message, Locale language) {
        return only(Configs.extractor(clock).extract(message, language), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # message            | type     | as written     | value
            今天                  | date     | 今天            | 2026-11-21
            明天能到吗             | date     | 明天            | 2026-11-22
            后天                  | date     | 后天            | 2026-11-23
            大后天                 | date     | 大后天           | 2026-11-24
            昨天下的单             | date     | 昨天            | 2026-11-20
            前天                  | date     | 前天            | 2026-11-19
            三天后                 | date     | 三天后           | 2026-11-24
            九十九天后              | date     | 九十九天后        | 2027-02-28
            3天前                  | date     | 3天前           | 2026-11-18
            两周后                 | date     | 两周后           | 2026-12-05
            一个月后               | date     | 一个月后          | 2026-12-21
            3月5日                 | date     | 3月5日           | 2027-03-05
            9月1日到的             | date     | 9月1日           | 2026-09-01
            2026年3月5日           | date     | 2026年3月5日      | 2026-03-05
            二〇二六年三月五号       | date     | 二〇二六年三月五号  | 2026-03-05
            十一月二十三号          | date     | 十一月二十三号     | 2026-11-23
            2026-03-05            | date     | 2026-03-05      | 2026-03-05
            2026/3/5              | date     | 2026/3/5        | 2026-03-05
            3号                   | date     | 3号             | 2026-12-03
            25号                  | date     | 25号            | 2026-11-25
            下个月10号             | date     | 下个月10号        | 2026-12-10
            上个月5号              | date     | 上个月5号         | 2026-10-05
            明天下午3点前给我回电     | datetime | 明天下午3点       | 2026-11-22T15:00+08:00
            明天下午三点半          | datetime | 明天下午三点半     | 2026-11-22T15:30+08:00
            明天 下午3点           | datetime | 明天 下午3点      | 2026-11-22T15:00+08:00
            今晚8点                | datetime | 今晚8点          | 2026-11-21T20:00+08:00
            今晚1点                | datetime | 今晚1点          | 2026-11-22T01:00+08:00
            下周一上午10点          | datetime | 下周一上午10点     | 2026-11-23T10:00+08:00
            3号下午2点15分          | datetime | 3号下午2点15分     | 2026-12-03T14:15+08:00
            明天一点               | datetime | 明天一点          | 2026-11-22T01:00+08:00
            明天 一点也不急          | date     | 明天             | 2026-11-22
            两小时后               | datetime | 两小时后          | 2026-11-21T12:00+08:00
            半小时后               | datetime | 半小时后          | 2026-11-21T10:30+08:00
            一个半小时后            | datetime | 一个半小时后       | 2026-11-21T11:30+08:00
            30分钟后               | datetime | 30分钟后          | 2026-11-21T10:30+08:00
            下午3点                | time     | 下午3点           | 15:00
            上午10:30              | time     | 上午10:30         | 10:30
            3点半                  | time     | 3点半            | 03:30
            十点一刻               | time     | 十点一刻          | 10:15
            三点四十五             | time     | 三点四十五         | 03:45
            中午1点                | time     | 中午1点           | 13:00
            晚上12点               | time     | 晚上12点          | 00:00
            凌晨2点                | time     | 凌晨2点           | 02:00
            15:00                 | time     | 15:00            | 15:00
            """)
    void chinese(String message, String type, String text, String value) {
        is(one(Configs.SATURDAY, message, Locale.SIMPLIFIED_CHINESE), type, text, value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # message                       | type     | as written              | value
            today                           | date     | today                   | 2026-11-21
            Tomorrow works                  | date     | Tomorrow                | 2026-11-22
            yesterday                       | date     | yesterday               | 2026-11-20
            the day after tomorrow          | date     | the day after tomorrow  | 2026-11-23
            day before yesterday            | date     | day before yesterday    | 2026-11-19
            March 5                         | date     | March 5                 | 2027-03-05
            on Mar. 5th, 2026               | date     | Mar. 5th, 2026          | 2026-03-05
            5 March 2026                    | date     | 5 March 2026            | 2026-03-05
            the 23rd of November            | date     | 23rd of November        | 2026-11-23
            2026-03-05                      | date     | 2026-03-05              | 2026-03-05
            3/5                             | date     | 3/5                     | 2027-03-05
            12/25/26                        | date     | 12/25/26                | 2026-12-25
            in 3 days                       | date     | in 3 days               | 2026-11-24
            in twenty-one days              | date     | in twenty-one days      | 2026-12-12
            in a week                       | date     | in a week               | 2026-11-28
            3 days ago                      | date     | 3 days ago              | 2026-11-18
            two weeks from now              | date     | two weeks from now      | 2026-12-05
            3pm                             | time     | 3pm                     | 15:00
            3:30 pm                         | time     | 3:30 pm                 | 15:30
            at 10 a.m. sharp                | time     | 10 a.m.                 | 10:00
            12am                            | time     | 12am                    | 00:00
            12pm                            | time     | 12pm                    | 12:00
            15:00                           | time     | 15:00                   | 15:00
            tomorrow at 3pm                 | datetime | tomorrow at 3pm         | 2026-11-22T15:00+08:00
            3pm tomorrow                    | datetime | 3pm tomorrow            | 2026-11-22T15:00+08:00
            15:00 on Monday                 | datetime | 15:00 on Monday         | 2026-11-23T15:00+08:00
            next Monday morning             | datetime | next Monday morning     | 2026-11-23T09:00+08:00
            tomorrow in the afternoon       | datetime | tomorrow in the afternoon | 2026-11-22T15:00+08:00
            tonight                         | datetime | tonight                 | 2026-11-21T20:00+08:00
            tonight at 9pm                  | datetime | tonight at 9pm          | 2026-11-21T21:00+08:00
            this afternoon                  | datetime | this afternoon          | 2026-11-21T15:00+08:00
            in two hours                    | datetime | in two hours            | 2026-11-21T12:00+08:00
            in half an hour                 | datetime | in half an hour         | 2026-11-21T10:30+08:00
            an hour ago                     | datetime | an hour ago             | 2026-11-21T09:00+08:00
            """)
    void english(String message, String type, String text, String value) {
        is(one(Configs.SATURDAY, message, Locale.ENGLISH), type, text, value);
    }

    /** 2026-11-21 is a Saturday; weeks run Monday to Sunday. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            下周一       | 2026-11-23
            下个星期一    | 2026-11-23
            下星期三      | 2026-11-25
            下下周一      | 2026-11-30
            这周五       | 2026-11-20
            本周日       | 2026-11-22
            上周五       | 2026-11-13
            周日         | 2026-11-22
            礼拜天       | 2026-11-22
            周六         | 2026-11-21
            周五         | 2026-11-27
            next Monday  | 2026-11-23
            next Sunday  | 2026-11-29
            this Friday  | 2026-11-20
            last Friday  | 2026-11-13
            Tuesday      | 2026-11-24
            on Sat       | 2026-11-21
            """)
    void weekdaysFromASaturday(String message, String value) {
        Entity e = one(Configs.SATURDAY, message, Locale.ROOT);
        assertThat(e.type()).isEqualTo("date");
        assertThat(e.value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            下周一       | 2026-11-23
            这周五       | 2026-11-20
            周一         | 2026-11-23
            周日         | 2026-11-22
            next Monday  | 2026-11-23
            """)
    void weekdaysFromASunday(String message, String value) {
        assertThat(one(Configs.at("2026-11-22T02:00:00Z"), message, Locale.ROOT).value()).isEqualTo(value);
    }

    /** 23:30 on Thursday 31 December: tomorrow is in another month and another year. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            明天              | 2027-01-01
            后天              | 2027-01-02
            三天后             | 2027-01-03
            3号               | 2027-01-03
            1月3日             | 2027-01-03
            12月25日           | 2026-12-25
            下个月10号          | 2027-01-10
            上个月5号           | 2026-11-05
            一个月后            | 2027-01-31
            下周一             | 2027-01-04
            这周五             | 2027-01-01
            周五               | 2027-01-01
            tomorrow          | 2027-01-01
            next Monday       | 2027-01-04
            January 3         | 2027-01-03
            明天下午3点         | 2027-01-01T15:00+08:00
            今晚8点            | 2026-12-31T20:00+08:00
            两小时后            | 2027-01-01T01:30+08:00
            in two hours      | 2027-01-01T01:30+08:00
            晚上12点前          | 00:00
            """)
    void aroundTheEndOfTheYear(String message, String value) {
        assertThat(one(Configs.NEW_YEARS_EVE, message, Locale.ROOT).value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            一个月后        | 2027-02-28
            下个月28号      | 2027-02-28
            in a month     | 2027-02-28
            明天           | 2027-02-01
            """)
    void fromTheLastDayOfJanuary(String message, String value) {
        assertThat(one(Configs.at("2027-01-31T04:00:00Z"), message, Locale.ROOT).value()).isEqualTo(value);
    }

    @Test
    void aDayOfTheMonthEquallyFarBackAndAheadIsTheOneAhead() {
        // 16 November: the 1st of November and the 1st of December are both 15 days away
        assertThat(one(Configs.at("2026-11-16T02:00:00Z"), "1号", Locale.CHINESE).value()).isEqualTo("2026-12-01");
        assertThat(one(Configs.at("2026-11-15T02:00:00Z"), "1号", Locale.CHINESE).value()).isEqualTo("2026-11-01");
    }

    @Test
    void aDayTheMonthDoesNotHaveIsNoDate() {
        assertThat(Configs.extractor(Configs.at("2027-01-31T04:00:00Z")).extract("下个月31号", Locale.CHINESE)).isEmpty();
        assertThat(Configs.extractor(Configs.SATURDAY).extract("下个月31号", Locale.CHINESE))
                .extracting(Entity::value).containsExactly("2026-12-31");
    }

    /** Hours used when only the part of the day is given; the README lists the same table. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            明天凌晨     | 03:00
            明天早上     | 08:00
            明早        | 08:00
            明天上午     | 09:00
            明天中午     | 12:00
            明天下午     | 15:00
            明天傍晚     | 18:00
            明天晚上     | 20:00
            明晚        | 20:00
            tomorrow morning   | 09:00
            tomorrow at noon   | 12:00
            tomorrow afternoon | 15:00
            tomorrow evening   | 20:00
            tomorrow night     | 20:00
            """)
    void partsOfTheDayWithoutAnHour(String message, String hour) {
        Entity e = one(Configs.SATURDAY, message, Locale.ROOT);
        assertThat(e.type()).isEqualTo("datetime");
        assertThat(e.value()).isEqualTo("2026-11-22T" + hour + "+08:00");
    }

    @Test
    void slashDatesAreMonthFirstExceptWhereEnglishPutsTheDayFirst() {
        assertThat(one(Configs.SATURDAY, "3/5", Locale.US).value()).isEqualTo("2027-03-05");
        assertThat(one(Configs.SATURDAY, "3/5", Locale.SIMPLIFIED_CHINESE).value()).isEqualTo("2027-03-05");
        assertThat(one(Configs.SATURDAY, "3/5", Locale.UK).value()).isEqualTo("2027-05-03");
        assertThat(one(Configs.SATURDAY, "25/12", Locale.UK).value()).isEqualTo("2026-12-25");
        assertThat(Configs.extractor(Configs.SATURDAY).extract("25/12", Locale.US)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2月30日", "11月31日", "2026-02-29", "2026/13/01", "13pm", "25:00", "3点5", "有三点建议",
            "便宜一点", "快一点好吗", "第三点", "3号楼", "1号线", "一周一次", "每周一开会", "good morning", "下午好",
            "I sat down", "24/7", "5日前发货"})
    void notDatesOrTimes(String message) {
        assertThat(types(Configs.extractor(Configs.SATURDAY).extract(message, Locale.ROOT)))
                .doesNotContain("date", "time", "datetime");
    }

    @Test
    void aChineseDateIsNotJoinedToATimeWrittenBeforeIt() {
        List<Entity> found = Configs.extractor(Configs.SATURDAY).extract("上午10:30 三天后", Locale.CHINESE);
        assertThat(found).extracting(Entity::type, Entity::value)
                .containsExactly(tuple("time", "10:30"), tuple("date", "2026-11-24"));
    }

    @Test
    void relativeDatesAreReadInTheConfiguredTimeZone() {
        Clock justAfterMidnightInShanghai = Configs.at("2026-12-31T16:30:00Z");
        BuiltInEntities shanghai = new BuiltInEntities(Configs.defaults(), justAfterMidnightInShanghai);
        BuiltInEntities utc = new BuiltInEntities(Configs.config(new String[0], "UTC"), justAfterMidnightInShanghai);

        assertThat(shanghai.extract("今天", Locale.CHINESE)).extracting(Entity::value).containsExactly("2027-01-01");
        assertThat(utc.extract("今天", Locale.CHINESE)).extracting(Entity::value).containsExactly("2026-12-31");
        assertThat(utc.extract("tomorrow at 3pm", Locale.ENGLISH)).extracting(Entity::value)
                .containsExactly("2027-01-01T15:00+00:00");
    }
}
