package io.kefu.bot.internal;

import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.IntentDefinition;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.SentimentLabel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the bot does with one understood customer message. In order: a customer who asks for a person, is angry,
 * or has been negative for several messages in a row gets a person; an intent only people handle goes to a person;
 * greetings and thanks get a reply; a known intent with a detail missing gets one question for it (asked once: if
 * the answer still lacks it, a person takes over); a known intent with its details gets the knowledge base's
 * answer; anything else is a failed turn, and after a few of those a person takes over.
 */
final class BotPolicy {
    /** How the policy is tuned (configuration PID kefu.bot). */
    record Settings(int maxFailedTurns, int negativeStreak, double minAnswerScore) {
    }

    sealed interface Action permits Reply, Ask, Answer, Clarify, Handoff {
    }

    /** Small talk: a greeting or thanks. */
    record Reply(String text) implements Action {
    }

    record Ask(String slot, String text) implements Action {
    }

    record Answer(String text, String articleId, String question) implements Action {
    }

    record Clarify(String text) implements Action {
    }

    record Handoff(String reason) implements Action {
    }

    static final String HUMAN_AGENT = "human_agent";
    static final String GREETING = "greeting";
    static final String THANKS = "thanks";
    /** A knowledge article tagged so answers that intent: analysts link answers to intents this way. */
    static final String INTENT_TAG = "intent:";

    /** Phrases that always mean "a person, please", even when the classifier is unsure. */
    private static final List<String> ASKS_FOR_A_PERSON = List.of("转人工", "人工客服", "人工服务", "真人", "找人工",
            "agent please", "human please", "real person", "talk to a human", "speak to a human");

    private BotPolicy() {
    }

    static Action decide(BotSession session, DialogueState dialogue, NluResult result, String text,
            Function<String, Optional<IntentDefinition>> intents, Function<String, List<KnowledgeHit>> search,
            Settings settings) {
        Locale language = result.language();
        String said = result.intent().outOfScope() ? null : result.intent().intent();
        if (HUMAN_AGENT.equals(said) || asksForAPerson(text)) {
            return new Handoff("customer_asked");
        }
        if (result.sentiment().label() == SentimentLabel.ANGRY) {
            return new Handoff("angry");
        }
        if (negativeStreak(dialogue.sentimentTrend(), settings.negativeStreak())) {
            return new Handoff("negative_sentiment");
        }
        String intent = dialogue.intent();
        boolean newDetail = session.askedSlot() != null && dialogue.slots().containsKey(session.askedSlot());
        if (intent == null || (said == null && !newDetail)) {
            return failedTurn(session, language, settings);
        }
        if (GREETING.equals(said)) {
            return new Reply(BotPhrases.say("greeting", language));
        }
        if (THANKS.equals(said)) {
            return new Reply(BotPhrases.say("thanks", language));
        }
        Optional<IntentDefinition> definition = intents.apply(intent);
        if (definition.isPresent() && definition.get().humanOnly()) {
            return new Handoff("human_only_intent");
        }
        List<String> required = definition.map(IntentDefinition::requiredSlots).orElse(List.of());
        for (String slot : required) {
            if (!dialogue.slots().containsKey(slot)) {
                if (slot.equals(session.askedSlot())) {
                    return new Handoff("detail_not_given");
                }
                return new Ask(slot, BotPhrases.askFor(slot, language));
            }
        }
        String question = session.pendingQuestion() != null ? session.pendingQuestion() : text;
        Optional<KnowledgeHit> hit = bestAnswer(search.apply(question), intent, settings.minAnswerScore());
        if (hit.isEmpty()) {
            return failedTurn(session, language, settings);
        }
        return new Answer(fill(hit.get().article().answer(), dialogue.slots()), hit.get().article().id(),
                hit.get().article().question());
    }

    private static Action failedTurn(BotSession session, Locale language, Settings settings) {
        if (session.failedTurns() + 1 >= settings.maxFailedTurns()) {
            return new Handoff("not_understood");
        }
        return new Clarify(BotPhrases.say("clarify", language));
    }

    static boolean asksForAPerson(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        if (lower.equals("人工") || lower.equals("agent") || lower.equals("human")) {
            return true;
        }
        return ASKS_FOR_A_PERSON.stream().anyMatch(lower::contains);
    }

    private static boolean negativeStreak(List<SentimentLabel> trend, int streak) {
        if (streak <= 0 || trend.size() < streak) {
            return false;
        }
        return trend.subList(trend.size() - streak, trend.size()).stream()
                .allMatch(s -> s == SentimentLabel.NEGATIVE || s == SentimentLabel.ANGRY);
    }

    /**
     * The article to answer with: among the hits, the best one an analyst tagged with the intent; without such a
     * tag, the best hit if its score reaches the minimum (scores of the built-in source are Lucene's).
     */
    static Optional<KnowledgeHit> bestAnswer(List<KnowledgeHit> hits, String intent, double minScore) {
        String tag = INTENT_TAG + intent;
        for (KnowledgeHit hit : hits) {
            if (hit.article().tags().contains(tag)) {
                return Optional.of(hit);
            }
        }
        return hits.stream().filter(h -> h.score() >= minScore).findFirst();
    }

    /** Puts slot values into an answer: {@code {order_number}} becomes the customer's order number. */
    static String fill(String answer, Map<String, String> slots) {
        String filled = answer;
        for (Map.Entry<String, String> slot : slots.entrySet()) {
            filled = filled.replace("{" + slot.getKey() + "}", slot.getValue());
        }
        return filled;
    }
}
