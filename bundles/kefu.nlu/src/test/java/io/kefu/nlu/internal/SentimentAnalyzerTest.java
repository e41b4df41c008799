package io.kefu.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.nlu.SentimentLabel;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentAnalyzerTest {
    private final BuiltInSentimentAnalyzer analyzer = new BuiltInSentimentAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "收到了，非常满意，谢谢客服            | POSITIVE",
        "the support was great, thank you     | POSITIVE",
        "等了好久还没发货，很失望              | NEGATIVE",
        "the parcel is late again and broken  | NEGATIVE",
        "什么破服务，骗子！                    | ANGRY",
        "this is a scam and I am furious      | ANGRY",
        "WHERE IS MY ORDER, ANSWER ME NOW     | ANGRY",
    })
    void labelsMessagesNotInItsTrainingExamples(String text, SentimentLabel expected) {
        assertThat(analyzer.analyze(text, Locale.ROOT).label()).isEqualTo(expected);
    }

    @Test
    void englishCuesAreWholeWords() {
        assertThat(analyzer.hasAngerCue("there is an issue with my familiar address")).isFalse();
        assertThat(analyzer.hasAngerCue("I will sue you")).isTrue();
    }

    @Test
    void scoresRunFromNegativeToPositive() {
        assertThat(analyzer.analyze("非常满意，好评", Locale.CHINESE).score()).isPositive();
        assertThat(analyzer.analyze("太差了，很失望", Locale.CHINESE).score()).isNegative();
    }
}
