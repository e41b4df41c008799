package io.kefu.nlu.embeddings.internal;

import static io.kefu.nlu.embeddings.internal.TestEncoders.cosine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseEncoderTest extends EncoderContract {
    @Override
    EncoderModel model() {
        return EncoderModel.CHINESE;
    }

    @Override
    List<String> messages() {
        return List.of("我要退款", "怎么申请退钱", "明天天气怎么样", "我的快递三天了还没到，帮我查一下物流",
                "订单号 20931 帮我取消", "转人工", "登录的时候应用一直闪退", "好的谢谢，问题解决了");
    }

    @Test
    void paraphrasesAreCloserThanAnUnrelatedQuestion() {
        float[] refund = encoder().encode("我要退款");
        float[] money = encoder().encode("怎么申请退钱");
        float[] weather = encoder().encode("明天天气怎么样");
        assertThat(cosine(refund, money)).isGreaterThan(cosine(refund, weather) + 0.1);
        assertThat(cosine(refund, money)).isGreaterThan(cosine(money, weather) + 0.1);
    }

    @Test
    void aDeliveryQuestionIsNearerAnotherDeliveryQuestionThanARefund() {
        float[] where = encoder().encode("我的快递到哪了");
        float[] track = encoder().encode("帮我查一下物流，包裹还没收到");
        float[] refund = encoder().encode("我要退款");
        assertThat(cosine(where, track)).isGreaterThan(cosine(where, refund));
    }
}
