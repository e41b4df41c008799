package io.kefu.bot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.IntentDefinition;
import io.kefu.api.nlu.IntentPrediction;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.Sentiment;
import io.kefu.api.nlu.SentimentLabel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BotPolicyTest {
    private static final BotPolicy.Settings SETTINGS = new BotPolicy.Settings(2, 2, 4.0);
    private static final Map<String, IntentDefinition> INTENTS = Map.of(
            "order_status", new IntentDefinition("order_status", "Where is my order", List.of("order_number"), false, 20),
            "complaint", new IntentDefinition("complaint", "A complaint", List.of(), true, 10),
            "greeting", new IntentDefinition("greeting", "Hello", List.of(), false, 10));
    private static final Function<String, Optional<IntentDefinition>> LOOKUP = n -> Optional.ofNullable(INTENTS.get(n));
    private static final KnowledgeArticle SHIPPING = new KnowledgeArticle("a-1", Locale.CHINESE, "订单什么时候发货？",
            List.of(), "订单 {order_number} 已在处理中，通常 48 小时内发货。", Set.of("intent:order_status"),
            ArticleStatus.PUBLISHED, 1, Instant.EPOCH);
    private static final KnowledgeArticle UNRELATED = new KnowledgeArticle("a-2", Locale.CHINESE, "怎么开发票？",
            List.of(), "在订单详情页申请开票。", Set.of(), ArticleStatus.PUBLISHED, 1, Instant.EPOCH);

    private static NluResult said(String intent, double confidence, SentimentLabel sentiment) {
        return new NluResult("m", Locale.CHINESE, new IntentPrediction(intent, confidence, intent == null), List.of(),
                new Sentiment(sentiment, 0));
    }

    private static DialogueState dialogue(String intent, Map<String, String> slots, SentimentLabel... trend) {
        return new DialogueState("c", intent, slots, List.of(trend), trend.length, Instant.EPOCH);
    }

    private static BotPolicy.Action decide(BotSession session, DialogueState d, NluResult r, String text,
            List<KnowledgeHit> hits) {
        return BotPolicy.decide(session, d, r, text, LOOKUP, q -> hits, SETTINGS);
    }

    @Test
    void askingForAPersonHandsOffAtOnceEvenWhenTheModelIsUnsure() {
        var action = decide(BotSession.start("c"), dialogue(null, Map.of(), SentimentLabel.NEUTRAL),
                said(null, 0.2, SentimentLabel.NEUTRAL), "人工", List.of());
        assertThat(action).isEqualTo(new BotPolicy.Handoff("customer_asked"));
    }

    @Test
    void angerOrANegativeStreakHandsOff() {
        assertThat(decide(BotSession.start("c"), dialogue("order_status", Map.of(), SentimentLabel.ANGRY),
                said("order_status", 0.9, SentimentLabel.ANGRY), "还没到！！！", List.of()))
                .isEqualTo(new BotPolicy.Handoff("angry"));
        assertThat(decide(BotSession.start("c"), dialogue("order_status", Map.of(), SentimentLabel.NEGATIVE,
                SentimentLabel.NEGATIVE), said("order_status", 0.9, SentimentLabel.NEGATIVE), "怎么还没发货", List.of()))
                .isEqualTo(new BotPolicy.Handoff("negative_sentiment"));
    }

    @Test
    void aMissingDetailIsAskedForOnceThenTheAnswerCarriesIt() {
        BotSession session = BotSession.start("c");
        var ask = decide(session, dialogue("order_status", Map.of(), SentimentLabel.NEUTRAL),
                said("order_status", 0.9, SentimentLabel.NEUTRAL), "我的订单怎么还没发货", List.of());
        assertThat(ask).isInstanceOf(BotPolicy.Ask.class);
        assertThat(((BotPolicy.Ask) ask).slot()).isEqualTo("order_number");

        BotSession asked = session.asking("order_number", "我的订单怎么还没发货");
        var answer = decide(asked, dialogue("order_status", Map.of("order_number", "E20261121000123"),
                SentimentLabel.NEUTRAL, SentimentLabel.NEUTRAL), said(null, 0.3, SentimentLabel.NEUTRAL),
                "E20261121000123", List.of(new KnowledgeHit(UNRELATED, 9.0, "kefu"), new KnowledgeHit(SHIPPING, 3.0, "kefu")));
        assertThat(answer).isEqualTo(new BotPolicy.Answer("订单 E20261121000123 已在处理中，通常 48 小时内发货。", "a-1",
                "订单什么时候发货？"));
    }

    @Test
    void aDetailStillMissingAfterItWasAskedForHandsOff() {
        BotSession asked = BotSession.start("c").asking("order_number", "我的订单怎么还没发货");
        assertThat(decide(asked, dialogue("order_status", Map.of(), SentimentLabel.NEUTRAL, SentimentLabel.NEUTRAL),
                said("order_status", 0.8, SentimentLabel.NEUTRAL), "我不记得订单号了", List.of()))
                .isEqualTo(new BotPolicy.Handoff("detail_not_given"));
    }

    @Test
    void unclearMessagesAreClarifiedThenHandedOff() {
        BotSession session = BotSession.start("c");
        var first = decide(session, dialogue(null, Map.of(), SentimentLabel.NEUTRAL), said(null, 0.2,
                SentimentLabel.NEUTRAL), "嗯嗯那个", List.of());
        assertThat(first).isInstanceOf(BotPolicy.Clarify.class);
        assertThat(decide(session.failed(), dialogue(null, Map.of(), SentimentLabel.NEUTRAL, SentimentLabel.NEUTRAL),
                said(null, 0.2, SentimentLabel.NEUTRAL), "就是那个", List.of()))
                .isEqualTo(new BotPolicy.Handoff("not_understood"));
    }

    @Test
    void humanOnlyIntentsGoToAPersonAndGreetingsGetAReply() {
        assertThat(decide(BotSession.start("c"), dialogue("complaint", Map.of(), SentimentLabel.NEUTRAL),
                said("complaint", 0.9, SentimentLabel.NEUTRAL), "我要反映一个问题", List.of()))
                .isEqualTo(new BotPolicy.Handoff("human_only_intent"));
        assertThat(decide(BotSession.start("c"), dialogue("greeting", Map.of(), SentimentLabel.NEUTRAL),
                said("greeting", 0.9, SentimentLabel.NEUTRAL), "你好", List.of()))
                .isInstanceOf(BotPolicy.Reply.class);
    }

    @Test
    void withoutATaggedArticleOnlyAConfidentHitAnswers() {
        var none = decide(BotSession.start("c"), dialogue("order_status", Map.of("order_number", "E1"),
                SentimentLabel.NEUTRAL), said("order_status", 0.9, SentimentLabel.NEUTRAL), "发货了吗",
                List.of(new KnowledgeHit(UNRELATED, 1.5, "kefu")));
        assertThat(none).isInstanceOf(BotPolicy.Clarify.class);
        var found = decide(BotSession.start("c"), dialogue("order_status", Map.of("order_number", "E1"),
                SentimentLabel.NEUTRAL), said("order_status", 0.9, SentimentLabel.NEUTRAL), "发货了吗",
                List.of(new KnowledgeHit(UNRELATED, 6.0, "kefu")));
        assertThat(found).isInstanceOf(BotPolicy.Answer.class);
    }
}
