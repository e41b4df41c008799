package io.kefu.bot.internal;

import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.IntentDefinition;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.SentimentLabel;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The internal note an agent finds at the top of a conversation the bot hands over: why, what the customer wants,
 * the details they gave, how they feel, and what the bot already tried, so the customer never repeats themselves.
 */
final class HandoffSummary {
    private HandoffSummary() {
    }

    /** Intents that say how to talk, not what the customer needs: the summary names the topic before them. */
    private static final java.util.Set<String> NOT_A_TOPIC = java.util.Set.of("human_agent", "greeting", "thanks",
            "out_of_scope");

    /** What the customer needs: the dialogue's intent, or, when that is only "a person, please", the one before. */
    static String topic(DialogueState dialogue, java.util.List<NluResult> results) {
        if (dialogue.intent() != null && !NOT_A_TOPIC.contains(dialogue.intent())) {
            return dialogue.intent();
        }
        for (int i = results.size() - 1; i >= 0; i--) {
            NluResult r = results.get(i);
            if (!r.intent().outOfScope() && r.intent().intent() != null && !NOT_A_TOPIC.contains(r.intent().intent())) {
                return r.intent().intent();
            }
        }
        return null;
    }

    static String write(BotSession session, DialogueState dialogue, NluResult last, String topic,
            IntentDefinition intent, Locale language) {
        boolean zh = Locale.CHINESE.getLanguage().equals(language.getLanguage());
        StringBuilder note = new StringBuilder();
        note.append(zh ? "【机器人转人工】原因：" : "[Bot handoff] Reason: ").append(reason(session.handoffReason(), zh));
        note.append('\n').append(zh ? "意图：" : "Intent: ");
        if (topic == null) {
            note.append(zh ? "未识别" : "not recognised");
        } else {
            note.append(topic);
            if (intent != null && !intent.description().isBlank()) {
                note.append(" (").append(intent.description()).append(')');
            }
            if (!last.intent().outOfScope() && topic.equals(last.intent().intent())) {
                note.append(String.format(Locale.ROOT, zh ? "，置信度 %.0f%%" : ", confidence %.0f%%",
                        last.intent().confidence() * 100));
            }
        }
        note.append('\n').append(zh ? "已提供信息：" : "Details given: ");
        note.append(dialogue.slots().isEmpty() ? (zh ? "无" : "none") : dialogue.slots().entrySet().stream()
                .map(Map.Entry::getKey).map(k -> k + "=" + dialogue.slots().get(k)).collect(Collectors.joining(", ")));
        note.append('\n').append(zh ? "情绪：" : "Sentiment: ").append(dialogue.sentimentTrend().stream()
                .map(SentimentLabel::name).map(String::toLowerCase).collect(Collectors.joining(" → ")));
        note.append('\n').append(zh ? "机器人已尝试：" : "The bot tried: ");
        note.append(session.tried().isEmpty() ? (zh ? "无" : "nothing yet") : String.join("; ", session.tried()));
        return note.toString();
    }

    private static String reason(String reason, boolean zh) {
        return switch (reason == null ? "" : reason) {
            case "customer_asked" -> zh ? "客户要求人工" : "the customer asked for a person";
            case "angry" -> zh ? "客户情绪激动" : "the customer is angry";
            case "negative_sentiment" -> zh ? "客户连续表达不满" : "the customer has been unhappy for several messages";
            case "human_only_intent" -> zh ? "该问题需由人工处理" : "only a person handles this request";
            case "detail_not_given" -> zh ? "客户未提供所需信息" : "the customer did not give a needed detail";
            case "not_understood" -> zh ? "机器人多次未能理解" : "the bot did not understand several times";
            default -> reason;
        };
    }
}
