package io.kefu.nlu.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            零,          0
            五,          5
            两,          2
            十,          10
            十二,        12
            二十,        20
            九十九,      99
            一百二十,     120
            一百零五,     105
            两百五,       250
            两千,        2000
            三千五,       3500
            一千零五十,   1050
            三万五千,     35000
            一万二,       12000
            十万,        100000
            一亿三千万,   130000000
            壹佰贰拾,     120
            二〇二六,     2026
            百,          -1
            万,          -1
            千五,        -1
            三百四百,     -1
            三五十,       -1
            三个,        -1
            """)
    void chineseNumerals(String numeral, long value) {
        assertThat(ChineseNumbers.parse(numeral)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            3,            3
            three,        3
            eleven,       11
            twenty,       20
            twenty-one,   21
            ninety nine,  99
            Seventeen,    17
            twenty-ten,   -1
            hundred,      -1
            """)
    void englishNumbers(String words, long value) {
        assertThat(EnglishNumbers.parse(words)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            11010519491231002,  X
            11010519900307123,  9
            44030819990101123,  4
            31011519850615002,  2
            """)
    void idCheckCharacters(String first17, char check) {
        assertThat(IdCards.checkChar(first17)).isEqualTo(check);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            4111111111111111,     true
            4111111111111112,     false
            6222021234567890128,  true
            6222021234567890127,  false
            79927398713,          true
            79927398710,          false
            """)
    void luhn(String digits, boolean valid) {
        assertThat(BankCards.passesLuhn(digits)).isEqualTo(valid);
    }
}
