package io.kefu.nlu.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kefu.api.nlu.Entity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The component as a whole: several types in one message, overlaps between them, offsets, configuration. */
class BuiltInEntitiesTest {
    private final BuiltInEntities extractor = Configs.extractor(Configs.SATURDAY);

    @Test
    void aComplaintWithAnOrderAPhoneAndACallbackTime() {
        String message = "我的订单E20261121000123还没到，手机13812345678，明天下午3点前给我回电";

        assertThat(extractor.extract(message, Locale.SIMPLIFIED_CHINESE)).containsExactly(
                new Entity("order_number", "E20261121000123", "E20261121000123", 4, 19),
                new Entity("phone", "13812345678", "+8613812345678", 25, 36),
                new Entity("datetime", "明天下午3点", "2026-11-22T15:00+08:00", 37, 43));
    }

    @Test
    void anEnglishMessageWithEveryKindOfValue() {
        String message = "Order #A1B2C3D4: refund $20 to card 4111 1111 1111 1111, mail wang@example.com "
                + "or call +1 415 555 0100 tomorrow at 3pm";

        assertThat(extractor.extract(message, Locale.ENGLISH)).extracting(Entity::type, Entity::value).containsExactly(
                tuple("order_number", "A1B2C3D4"),
                tuple("amount", "20.00 USD"),
                tuple("bank_card", "4111111111111111"),
                tuple("email", "wang@example.com"),
                tuple("phone", "+14155550100"),
                tuple("datetime", "2026-11-22T15:00+08:00"));
    }

    @Test
    void offsetsCountUtf16CharsSoAnEmojiBeforeTheValueCountsTwice() {
        String message = "😀😀 13812345678";

        Entity phone = extractor.extract(message, Locale.CHINESE).get(0);

        assertThat(phone.start()).isEqualTo(5);
        assertThat(phone.end()).isEqualTo(16);
        assertThat(message.substring(phone.start(), phone.end())).isEqualTo(phone.text());
    }

    @Test
    void fullWidthCharactersAreReadAsTheirAsciiTwinsButReportedAsWritten() {
        String message = "订单Ｅ２０２６１１２１０００１２３，电话１３８－１２３４－５６７８，邮箱ＷＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＯＭ，付了￥９９";

        assertThat(extractor.extract(message, Locale.CHINESE)).containsExactly(
                new Entity("order_number", "Ｅ２０２６１１２１０００１２３", "E20261121000123", 2, 17),
                new Entity("phone", "１３８－１２３４－５６７８", "+8613812345678", 20, 33),
                new Entity("email", "ＷＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＯＭ", "wang@example.com", 36, 52),
                new Entity("amount", "￥９９", "99.00 CNY", 55, 58));
    }

    @Test
    void aValidIdNumberIsNotReadAsThePhoneNumberInsideIt() {
        // 110105199003071239 holds 19900307123, shaped like a mobile number starting 199
        assertThat(extractor.extract("身份证110105199003071239", Locale.CHINESE))
                .containsExactly(new Entity("id_card", "110105199003071239", "110105199003071239", 3, 21));
    }

    @Test
    void aNumberFailingBothChecksumsIsNothing() {
        assertThat(extractor.extract("身份证110105199003071234", Locale.CHINESE)).isEmpty();
    }

    @Test
    void anIdNumberWithAWrongCheckDigitThatPassesLuhnIsABankCardNotAnIdCard() {
        assertThat(extractor.extract("110105199003071231", Locale.CHINESE)).extracting(Entity::type)
                .containsExactly("bank_card");
    }

    @Test
    void aNumberPassingBothChecksIsAnIdCard() {
        // 110105199003071108: valid ID check character, and Luhn-valid too
        assertThat(BankCards.passesLuhn("110105199003071108")).isTrue();
        assertThat(extractor.extract("110105199003071108", Locale.CHINESE)).extracting(Entity::type)
                .containsExactly("id_card");
    }

    @Test
    void aLuhnValidCardAfterAnOrderCueWordIsABankCard() {
        assertThat(extractor.extract("订单号6222021234567890128", Locale.CHINESE))
                .containsExactly(new Entity("bank_card", "6222021234567890128", "6222021234567890128", 3, 22));
        // one digit off, the same number is only an order number
        assertThat(extractor.extract("订单号6222021234567890127", Locale.CHINESE))
                .containsExactly(new Entity("order_number", "6222021234567890127", "6222021234567890127", 3, 22));
    }

    @Test
    void aValidatedNumberBeatsALongerPatternMatchAroundIt() {
        BuiltInEntities extractor = new BuiltInEntities(
                Configs.config(new String[] {"Ref \\d{16}"}, "Asia/Shanghai"), Configs.SATURDAY);

        assertThat(extractor.extract("Ref 4111111111111111", Locale.ENGLISH))
                .containsExactly(new Entity("bank_card", "4111111111111111", "4111111111111111", 4, 20));
        assertThat(extractor.extract("Ref 4111111111111112", Locale.ENGLISH))
                .containsExactly(new Entity("order_number", "Ref 4111111111111112", "REF 4111111111111112", 0, 20));
    }

    @Test
    void aNumberCalledAnOrderNumberIsNotAlsoAPhone() {
        assertThat(extractor.extract("order #13812345678", Locale.ENGLISH)).extracting(Entity::type)
                .containsExactly("order_number");
        assertThat(extractor.extract("手机号是13812345678", Locale.CHINESE)).extracting(Entity::type)
                .containsExactly("phone");
    }

    @Test
    void theLongerSpanWinsBetweenUnvalidatedTypes() {
        // the phone number is the local part of the address
        assertThat(extractor.extract("13812345678@qq.com", Locale.CHINESE)).extracting(Entity::type)
                .containsExactly("email");
    }

    @Test
    void aPhoneWithCountryCodeWrittenTogetherIsNotABankCardEvenWhenItPassesLuhn() {
        assertThat(BankCards.passesLuhn("8613812345678")).isTrue();
        assertThat(extractor.extract("8613812345678", Locale.CHINESE)).extracting(Entity::type)
                .containsExactly("phone");
    }

    @Test
    void nothingIsFoundInsideALongerRunOfLettersAndDigits() {
        // 13812345678901 passes Luhn, so it is a card; what matters is that no phone is read inside it
        assertThat(extractor.extract("13812345678901", Locale.CHINESE)).extracting(Entity::type)
                .containsExactly("bank_card");
        assertThat(extractor.extract("13812345678902", Locale.CHINESE)).isEmpty();
        assertThat(extractor.extract("SKU13812345678", Locale.CHINESE)).isEmpty();
        assertThat(extractor.extract("AE20261121000123", Locale.CHINESE)).isEmpty();
        assertThat(extractor.extract("x2026-03-05", Locale.CHINESE)).isEmpty();
    }

    @Test
    void entitiesComeSortedByStartAndNeverOverlap() {
        String message = "明天下午3点 13812345678 ¥99 E20261121000123 wang@example.com 3号 110105199003071239";

        List<Entity> found = extractor.extract(message, Locale.CHINESE);

        assertThat(found).extracting(Entity::type).containsExactly("datetime", "phone", "amount", "order_number",
                "email", "date", "id_card");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
    }

    /** Java repeats a regex group by recursion: unbounded repetition would overflow the stack on such input. */
    @Test
    void longRunsOfSeparatedDigitsDoNotOverflowTheStack() {
        assertThat(extractor.extract("+1" + " 1".repeat(50_000), Locale.ENGLISH)).isEmpty();
        assertThat(extractor.extract("1" + ",000".repeat(50_000) + "元", Locale.CHINESE)).isEmpty();
        assertThat(extractor.extract("x@" + "a.".repeat(50_000) + "com", Locale.ENGLISH)).isEmpty();
    }

    @Test
    void emptyOrNullTextAndANullLanguageAreFine() {
        assertThat(extractor.extract("", Locale.CHINESE)).isEmpty();
        assertThat(extractor.extract(null, Locale.CHINESE)).isEmpty();
        assertThat(extractor.extract("3/5", null)).extracting(Entity::value).containsExactly("2027-03-05");
    }
}
