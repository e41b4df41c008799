package io.kefu.nlu.entities.internal;

import static io.kefu.nlu.entities.internal.Found.is;
import static io.kefu.nlu.entities.internal.Found.only;
import static io.kefu.nlu.entities.internal.Found.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each type on its own: what is found, how it is normalised, and look-alikes that are not found. */
class EntityTypesTest {
    private final BuiltInEntities extractor = Configs.extractor(Configs.SATURDAY);

    private void finds(String message, Locale language, String type, String text, String value) {
        is(only(extractor.extract(message, language), message), type, text, value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # message                                  | as written          | value
            我的订单E20261121000123还没到                | E20261121000123     | E20261121000123
            订单e202611210001234567到哪了                | e202611210001234567 | E202611210001234567
            订单号：SO2026ab77                           | SO2026ab77          | SO2026AB77
            订单编号 A1B2C3D4 没收到                      | A1B2C3D4            | A1B2C3D4
            where is order #A1B2C3D4?                   | A1B2C3D4            | A1B2C3D4
            Order No. 12345678 was late                 | 12345678            | 12345678
            my order number is ab12cd34ef               | ab12cd34ef          | AB12CD34EF
            """)
    void orderNumbersByTheDemoShopsShapeOrAfterACueWord(String message, String text, String value) {
        finds(message, Locale.ENGLISH, "order_number", text, value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"E2026112100012 is one digit short", "XE20261121000123 is inside a longer code",
            "E20261121000123X too", "订单12345太短", "order number please call me", "reorder #12345678",
            "my order 12345678 (no cue word)"})
    void notOrderNumbers(String message) {
        assertThat(types(extractor.extract(message, Locale.ENGLISH))).doesNotContain("order_number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            手机13812345678                    | 13812345678             | +8613812345678
            手机 138 1234 5678 谢谢             | 138 1234 5678           | +8613812345678
            call 138-1234-5678                 | 138-1234-5678           | +8613812345678
            电话+86 138 1234 5678               | +86 138 1234 5678       | +8613812345678
            电话+8619912345678                  | +8619912345678          | +8619912345678
            电话008613812345678                 | 008613812345678         | +8613812345678
            电话8613812345678                   | 8613812345678           | +8613812345678
            座机010-12345678                    | 010-12345678            | +861012345678
            座机0755 1234 5678                  | 0755 1234 5678          | +8675512345678
            座机(021)6123-4567                  | (021)6123-4567          | +862161234567
            座机 +86 10 8765 4321               | +86 10 8765 4321        | +861087654321
            ring +1 415 555 0100 please         | +1 415 555 0100         | +14155550100
            ring +44 (0)20 7946 0958            | +44 (0)20 7946 0958     | +442079460958
            ring +852 9123 4567                 | +852 9123 4567          | +85291234567
            """)
    void phonesAsE164(String message, String text, String value) {
        finds(message, Locale.CHINESE, "phone", text, value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12812345678 has no such prefix", "138123456789 is twelve digits",
            "abc13812345678", "13812345678abc", "+1 234 567 is too short", "+86 138 1234 567"})
    void notPhones(String message) {
        assertThat(types(extractor.extract(message, Locale.ENGLISH))).doesNotContain("phone");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我的邮箱是wang@example.com谢谢          | wang@example.com         | wang@example.com
            write to Wang.Li@Example.COM.        | Wang.Li@Example.COM      | wang.li@example.com
            cc li_na+kefu@mail.example.com.cn    | li_na+kefu@mail.example.com.cn | li_na+kefu@mail.example.com.cn
            """)
    void emailsLowerCased(String message, String text, String value) {
        finds(message, Locale.ENGLISH, "email", text, value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wang@localhost", "@example.com", "wang@.com", "wang@example.c"})
    void notEmails(String message) {
        assertThat(types(extractor.extract(message, Locale.ENGLISH))).doesNotContain("email");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            退我¥99                  | ¥99          | 99.00 CNY
            退我￥99.5                | ￥99.5        | 99.50 CNY
            一共99元                  | 99元          | 99.00 CNY
            才99块                    | 99块          | 99.00 CNY
            5块钱                     | 5块钱         | 5.00 CNY
            99.50 RMB                | 99.50 RMB     | 99.50 CNY
            人民币300元               | 人民币300元    | 300.00 CNY
            一百二十元                 | 一百二十元     | 120.00 CNY
            两千块                    | 两千块         | 2000.00 CNY
            3万元                     | 3万元          | 30000.00 CNY
            1.5万元                   | 1.5万元        | 15000.00 CNY
            100块一个                 | 100块          | 100.00 CNY
            我付了100，200元           | 200元          | 200.00 CNY
            paid $20                 | $20           | 20.00 USD
            paid USD 20              | USD 20        | 20.00 USD
            paid 20 dollars          | 20 dollars    | 20.00 USD
            paid US$1,299.99         | US$1,299.99   | 1299.99 USD
            $20k budget              | $20k          | 20000.00 USD
            30美元                    | 30美元        | 30.00 USD
            costs €5                 | €5            | 5.00 EUR
            costs 5 EUR              | 5 EUR         | 5.00 EUR
            costs HK$100             | HK$100        | 100.00 HKD
            costs £7.5               | £7.5          | 7.50 GBP
            costs 1000 JPY           | 1000 JPY      | 1000 JPY
            """)
    void amountsWithTheirCurrency(String message, String text, String value) {
        finds(message, Locale.CHINESE, "amount", text, value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"一块蛋糕", "两块手表", "3块5", "两千块五", "99 without currency", "5 pounds of rice",
            "我付了100，"})
    void notAmounts(String message) {
        assertThat(types(extractor.extract(message, Locale.CHINESE))).doesNotContain("amount");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            身份证11010519491231002X       | 11010519491231002X | 11010519491231002X
            身份证号11010519491231002x     | 11010519491231002x | 11010519491231002X
            ID 440308199901011234 thanks  | 440308199901011234 | 440308199901011234
            身份证：310115198506150022       | 310115198506150022 | 310115198506150022
            """)
    void idCardsWithAValidCheckCharacter(String message, String text, String value) {
        finds(message, Locale.CHINESE, "id_card", text, value);
    }

    /** Each of these has a check character that fits, but not the rest of the number. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"110105199002301231 (30 February)", "110105209901011234 (born in 2099)",
            "990105199003071232 (no region 99)", "110105188003071235 (born before 1900)",
            "110105199003071234 (wrong check digit)", "11010519491231002Y"})
    void notIdCards(String message) {
        assertThat(types(extractor.extract(message, Locale.CHINESE))).doesNotContain("id_card");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            卡号4111111111111111          | 4111111111111111        | 4111111111111111
            卡号 4111 1111 1111 1111      | 4111 1111 1111 1111     | 4111111111111111
            卡号6222-0212-3456-7890-128   | 6222-0212-3456-7890-128 | 6222021234567890128
            card 6222021234567890128.     | 6222021234567890128     | 6222021234567890128
            """)
    void bankCardsThatPassLuhn(String message, String text, String value) {
        finds(message, Locale.CHINESE, "bank_card", text, value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4111111111111112", "6222021234567890127", "0000000000000000", "4111 1111-1111 1111",
            "41111111111111110000"})
    void notBankCards(String message) {
        assertThat(types(extractor.extract(message, Locale.CHINESE))).doesNotContain("bank_card");
    }
}
