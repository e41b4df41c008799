package io.kefu.nlu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.Entity;
import io.kefu.api.nlu.NluEvents;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.SentimentLabel;
import io.kefu.api.spi.EntityExtractor;
import io.kefu.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnderstandingServiceTest {
    /** Order numbers only: the real extractors live in kefu.nlu.entities, this keeps the test about dialogue. */
    private static final EntityExtractor ORDER_NUMBERS = (text, language) -> {
        List<Entity> found = new ArrayList<>();
        Matcher m = Pattern.compile("E\\d{14}").matcher(text);
        while (m.find()) {
            found.add(new Entity("order_number", m.group(), m.group(), m.start(), m.end()));
        }
        return found;
    };

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDemoIntentsAreUnderstoodInChineseAndEnglish(TestDatabase database) throws Exception {
        try (NluFixture f = new NluFixture(database)) {
            assertThat(f.understanding.intents()).extracting(i -> i.name())
                    .contains("order_status", "refund", "invoice", "complaint", "human_agent");
            // Sentences written for this test, not taken from the training examples.
            assertThat(f.understanding.analyze("请问我的订单发货了没有").intent().intent()).isEqualTo("order_status");
            assertThat(f.understanding.analyze("我想申请退款，钱什么时候退回来").intent().intent()).isEqualTo("refund");
            assertThat(f.understanding.analyze("发票开错了，能重新开吗").intent().intent()).isEqualTo("invoice");
            assertThat(f.understanding.analyze("please connect me to a human agent").intent().intent())
                    .isEqualTo("human_agent");
            assertThat(f.understanding.analyze("I would like my money back for this order").intent().intent())
                    .isEqualTo("refund");
            assertThat(f.understanding.analyze("今天天气怎么样").intent().outOfScope()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSlotGivenOnceIsRememberedAndAFollowUpKeepsTheIntent(TestDatabase database) throws Exception {
        try (NluFixture f = new NluFixture(database)) {
            f.understanding.addExtractor(ORDER_NUMBERS);
            f.understanding.understand("c-1", "m-1", "我的订单怎么还没发货");
            DialogueState first = f.understanding.state("c-1").orElseThrow();
            assertThat(first.intent()).isEqualTo("order_status");
            assertThat(first.slots()).isEmpty();

            f.understanding.understand("c-1", "m-2", "E20261121000123");
            DialogueState second = f.understanding.state("c-1").orElseThrow();
            assertThat(second.intent()).as("a bare order number continues the topic").isEqualTo("order_status");
            assertThat(second.slots()).containsEntry("order_number", "E20261121000123");
            assertThat(second.turns()).isEqualTo(2);

            f.understanding.understand("c-1", "m-3", "我要退款");
            DialogueState third = f.understanding.state("c-1").orElseThrow();
            assertThat(third.intent()).isEqualTo("refund");
            assertThat(third.slots()).as("the order number is never asked again")
                    .containsEntry("order_number", "E20261121000123");

            List<NluResult> results = f.understanding.results("c-1");
            assertThat(results).extracting(NluResult::messageId).containsExactly("m-1", "m-2", "m-3");
            assertThat(results.get(1).entities()).extracting(Entity::value).containsExactly("E20261121000123");
            assertThat(f.events).extracting(e -> e.getProperty(NluEvents.INTENT))
                    .containsExactly("order_status", "order_status", "refund");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingEngineCostsOnlyItsOwnPart(TestDatabase database) throws Exception {
        try (NluFixture f = new NluFixture(database)) {
            f.understanding.addExtractor((text, language) -> {
                throw new IllegalStateException("vendor extractor broke");
            });
            f.understanding.addExtractor(ORDER_NUMBERS);
            NluResult result = f.understanding.understand("c-2", "m-1", "订单E20261121000123什么时候发货");
            assertThat(result.entities()).extracting(Entity::type).containsExactly("order_number");
            assertThat(result.intent().intent()).isEqualTo("order_status");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSentimentTrendFollowsTheConversation(TestDatabase database) throws Exception {
        try (NluFixture f = new NluFixture(database)) {
            f.understanding.understand("c-3", "m-1", "你好");
            f.understanding.understand("c-3", "m-2", "等了一个星期还没到，太慢了");
            f.understanding.understand("c-3", "m-3", "你们就是骗子，我要投诉！！！");
            assertThat(f.understanding.state("c-3").orElseThrow().sentimentTrend())
                    .containsExactly(SentimentLabel.NEUTRAL, SentimentLabel.NEGATIVE, SentimentLabel.ANGRY);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHigherRankedVendorEngineTakesOverAndTheBuiltInReturnsWhenItLeaves(TestDatabase database) throws Exception {
        try (NluFixture f = new NluFixture(database)) {
            io.kefu.api.spi.IntentClassifier vendor = (text, language, history) ->
                    new io.kefu.api.nlu.IntentPrediction("vendor_intent", 0.99, false);
            f.understanding.addClassifier(vendor, java.util.Map.of("service.ranking", 100));
            assertThat(f.understanding.analyze("我要退款").intent().intent()).isEqualTo("vendor_intent");
            f.understanding.removeClassifier(vendor);
            assertThat(f.understanding.analyze("我要退款").intent().intent()).isEqualTo("refund");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void trainingFilesRoundTripAndNewExamplesChangeTheModelAfterRetraining(TestDatabase database) throws Exception {
        try (NluFixture f = new NluFixture(database)) {
            IntentFile exported = f.catalog.exportFile();
            assertThat(exported.problems()).isEmpty();
            assertThat(f.catalog.importFile(exported, "test")).as("nothing new in our own export").isZero();

            f.catalog.save("store_hours", "Opening hours of the physical stores", List.of(), false, "test");
            for (String example : List.of("门店几点开门", "实体店营业时间", "你们门店几点关门", "周末门店开吗",
                    "线下店在哪里营业到几点", "门店营业时间是多少")) {
                f.catalog.addExample("store_hours", "zh", example);
            }
            assertThat(f.understanding.analyze("门店周日几点开门").intent().intent()).isNotEqualTo("store_hours");
            var run = f.classifier.retrain("analyst");
            assertThat(run.outcome()).startsWith("trained");
            assertThat(run.intents()).isEqualTo(12);
            assertThat(f.understanding.analyze("门店周日几点开门").intent().intent()).isEqualTo("store_hours");
            List<NluRows.TrainingRunRow> runs = f.data.read(m -> m.trainingRuns(5));
            assertThat(runs).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oddMessagesAreUnderstoodWithoutFailing(TestDatabase database) throws Exception {
        try (NluFixture f = new NluFixture(database)) {
            f.understanding.addExtractor(ORDER_NUMBERS);
            List<String> odd = List.of("", "   ", "😀😀😀👍", "\u0000\u0007控制字符\u001b[0m", "订单E20261121000123 refund please 谢谢",
                    "长".repeat(20_000), "E20261121000123 ".repeat(400));
            int turn = 0;
            for (String text : odd) {
                NluResult result = f.understanding.understand("c-odd", "odd-" + turn++, text);
                assertThat(result.intent()).isNotNull();
                assertThat(result.sentiment()).isNotNull();
            }
            assertThat(f.understanding.state("c-odd").orElseThrow().turns()).isEqualTo(odd.size());
            // Four hundred order numbers do not fit the stored result: the first ones are kept, nothing fails.
            assertThat(f.understanding.results("c-odd").get(odd.size() - 1).entities()).isNotEmpty().hasSizeLessThan(400);
        }
    }

    @org.junit.jupiter.api.Test
    void aTrainingFileNamesEveryProblemAndMayLeaveOutOptionalFields() throws Exception {
        String json = "{\"format\":\"kefu-intents/1\",\"intents\":[{\"name\":\"Bad Name\",\"examples\":{\"fr\":[\"x\"]}},"
                + "{\"name\":\"store_hours\",\"examples\":{\"zh\":[\"门店几点开门\"]}}]}";
        IntentFile file = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, IntentFile.class);
        assertThat(file.problems()).containsExactly(
                "intents[0] (Bad Name): name must be lower case letters, digits and '_' (at most 64)",
                "intents[0] (Bad Name): language 'fr' is not one of " + IntentFile.LANGUAGES);
        assertThat(file.intents().get(1).humanOnly()).isNull();
    }
}
