package io.kefu.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskTest {
    @Test
    void masksEmailAddresses() {
        assertThat(PiiMask.mask("reply to li.na@example.com please")).isEqualTo("reply to l***@example.com please");
    }

    @Test
    void masksMainlandMobileNumbersWithAndWithoutCountryCode() {
        assertThat(PiiMask.mask("我的手机是13812345678")).isEqualTo("我的手机是138****5678");
        assertThat(PiiMask.mask("call +86 13912345678")).isEqualTo("call +86 139****5678");
    }

    @Test
    void masksIdAndBankCardNumbers() {
        assertThat(PiiMask.mask("身份证 11010519491231002X")).isEqualTo("身份证 1101********");
        assertThat(PiiMask.mask("card 6222 0212 3456 7890 123")).isEqualTo("card 6222********");
    }

    @Test
    void leavesOrdinaryTextAndShortNumbersAlone() {
        assertThat(PiiMask.mask("order A1234 shipped in 3 days, 200 yuan"))
                .isEqualTo("order A1234 shipped in 3 days, 200 yuan");
    }
}
