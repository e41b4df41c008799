package io.kefu.nlu.embeddings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {
    @Test
    void keepsOrdinaryTextAsItIs() {
        assertThat(MessageText.clean("How do I get a refund?", 100)).isEqualTo("How do I get a refund?");
        assertThat(MessageText.clean("我要退款，订单 20931", 100)).isEqualTo("我要退款，订单 20931");
        assertThat(MessageText.clean("👍🏽 thanks 😀", 100)).isEqualTo("👍🏽 thanks 😀");
    }

    @Test
    void whitespaceAndControlCharactersBecomeSingleSpacesAndEndsAreTrimmed() {
        assertThat(MessageText.clean("  refund\t\n\r\n please\u0000now\u3000\u00a0 ", 100))
                .isEqualTo("refund please now");
        assertThat(MessageText.clean(" \t\n\u0000\u0001 ", 100)).isEmpty();
    }

    @Test
    void formatCharactersLoneSurrogatesAndUnassignedCodePointsGo() {
        assertThat(MessageText.clean("re\u200bfund\ufeff", 100)).isEqualTo("refund");
        assertThat(MessageText.clean("abc\ud83d", 100)).isEqualTo("abc");
        assertThat(MessageText.clean("\udc00abc", 100)).isEqualTo("abc");
        assertThat(MessageText.clean("a\uffffb", 100)).isEqualTo("ab");
        assertThat(MessageText.clean("👨\u200d👩\u200d👧", 100)).isEqualTo("👨👩👧");
    }

    @Test
    void keepsTheStartOfALongMessageAndNeverCutsACharacterInHalf() {
        assertThat(MessageText.clean("a".repeat(100_000), 1_000)).hasSize(1_000);
        assertThat(MessageText.clean("字".repeat(100_000), 500)).hasSize(500);
        String emoji = MessageText.clean("😀".repeat(10), 5);
        assertThat(emoji).isEqualTo("😀😀");
        assertThat(MessageText.clean("one two three", 7)).isEqualTo("one two");
        assertThat(MessageText.clean("one two three", 8)).isEqualTo("one two");
        assertThat(MessageText.clean("\u0000".repeat(100_000) + "refund", 100)).isEqualTo("refund");
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertThat(MessageText.clean(null, 10)).isEmpty();
        assertThat(MessageText.clean("", 10)).isEmpty();
    }
}
