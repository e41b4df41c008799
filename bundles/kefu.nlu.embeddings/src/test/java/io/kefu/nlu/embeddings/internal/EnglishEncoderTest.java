package io.kefu.nlu.embeddings.internal;

import static io.kefu.nlu.embeddings.internal.TestEncoders.cosine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishEncoderTest extends EncoderContract {
    @Override
    EncoderModel model() {
        return EncoderModel.ENGLISH;
    }

    @Override
    List<String> messages() {
        return List.of("I want my money back", "how do I get a refund", "what's the weather tomorrow",
                "My parcel still hasn't arrived, can you check where it is?", "Please cancel order 20931",
                "Can I talk to a real person", "the app keeps crashing when I log in", "thanks, that fixed it!");
    }

    @Test
    void paraphrasesAreCloserThanAnUnrelatedQuestion() {
        float[] money = encoder().encode("I want my money back");
        float[] refund = encoder().encode("how do I get a refund");
        float[] weather = encoder().encode("what's the weather tomorrow");
        assertThat(cosine(money, refund)).isGreaterThan(cosine(money, weather) + 0.1);
        assertThat(cosine(money, refund)).isGreaterThan(cosine(refund, weather) + 0.1);
    }

    @Test
    void aParcelQuestionIsNearerAnotherParcelQuestionThanARefund() {
        float[] where = encoder().encode("where is my package?");
        float[] track = encoder().encode("my delivery hasn't arrived yet, can you track it");
        float[] refund = encoder().encode("how do I get a refund");
        assertThat(cosine(where, track)).isGreaterThan(cosine(where, refund));
    }
}
