package io.kefu.bot.internal;

import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.HandlingState;
import io.kefu.api.conversation.Message;
import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.NluEvents;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.Understanding;
import io.kefu.api.spi.KnowledgeSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kefu's bot. It acts on a message once understanding has stored its NLU result, and only while the conversation is
 * bot-handled: after a handoff, or once an agent took over, it stays silent. Each decision is {@link BotPolicy}'s;
 * this class carries it out through {@link Conversations} (replies go out on the customer's channel) and keeps
 * the session that the agent's handoff summary is made from.
 */
@Component(service = {EventHandler.class, KefuBot.class}, configurationPid = "kefu.bot")
@EventTopics(NluEvents.UNDERSTOOD)
public final class KefuBot implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(KefuBot.class);

    private final Conversations conversations;
    private final Understanding understanding;
    private final BotData data;
    private final Clock clock;
    private volatile BotPolicy.Settings settings;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<KnowledgeSource> knowledge = new CopyOnWriteArrayList<>();

    @Activate
    public KefuBot(@Reference Conversations conversations, @Reference Understanding understanding,
            @Reference BotData data, BotConfig config) {
        this(conversations, understanding, data, Clock.systemUTC());
        modified(config);
    }

    KefuBot(Conversations conversations, Understanding understanding, BotData data, Clock clock) {
        this.conversations = conversations;
        this.understanding = understanding;
        this.data = data;
        this.clock = clock;
    }

    @Modified
    void modified(BotConfig config) {
        configure(new BotPolicy.Settings(config.maxFailedTurns(), config.negativeStreak(), config.minAnswerScore()));
    }

    void configure(BotPolicy.Settings settings) {
        this.settings = settings;
    }

    void addKnowledge(KnowledgeSource source) {
        knowledge.add(source);
    }

    @Override
    public void handleEvent(Event event) {
        String conversationId = (String) event.getProperty(NluEvents.CONVERSATION);
        String messageId = (String) event.getProperty(NluEvents.MESSAGE);
        try {
            respond(conversationId, messageId);
        } catch (RuntimeException e) {
            // The customer must not be left with nobody: a bot that fails hands the conversation to people.
            LOG.error("The bot failed on message {} of conversation {}; handing it to agents", messageId,
                    conversationId, e);
            // The bot's own reply left the conversation waiting on the customer; it now waits on an agent.
            conversations.setStatus(conversationId, ConversationStatus.OPEN, null);
            conversations.setHandling(conversationId, HandlingState.QUEUED, null);
        }
    }

    void respond(String conversationId, String messageId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null || conversation.handling() != HandlingState.BOT) {
            return;
        }
        BotSession session = data.session(conversationId).orElse(BotSession.start(conversationId));
        if (session.handedOff()) {
            return;
        }
        Message message = conversations.message(messageId).orElse(null);
        List<NluResult> results = understanding.results(conversationId);
        NluResult result = results.stream().filter(r -> messageId.equals(r.messageId())).findFirst().orElse(null);
        DialogueState dialogue = understanding.state(conversationId).orElse(null);
        if (message == null || result == null || dialogue == null) {
            return;
        }
        Locale language = language(message.body(), result, results);
        BotPolicy.Action action = BotPolicy.decide(session, dialogue, result, message.body(), understanding::intent,
                this::search, settings);
        BotSession next;
        if (action instanceof BotPolicy.Reply reply) {
            conversations.reply(conversationId, reply.text(), null);
            next = session;
        } else if (action instanceof BotPolicy.Ask ask) {
            conversations.reply(conversationId, ask.text(), null);
            next = session.asking(ask.slot(), message.body()).noting(tried(language, "asked", ask.slot()));
        } else if (action instanceof BotPolicy.Answer answer) {
            conversations.reply(conversationId, answer.text(), null);
            next = session.answered().noting(tried(language, "answered", answer.question()));
        } else if (action instanceof BotPolicy.Clarify clarify) {
            conversations.reply(conversationId, clarify.text(), null);
            next = session.failed().noting(tried(language, "not_understood", message.body()));
        } else {
            BotPolicy.Handoff handoff = (BotPolicy.Handoff) action;
            next = session.handedOff(handoff.reason(), clock.instant());
            conversations.reply(conversationId, BotPhrases.say("handoff", language), null);
            String topic = HandoffSummary.topic(dialogue, results);
            conversations.note(conversationId, HandoffSummary.write(next, dialogue, result, topic,
                    topic == null ? null : understanding.intent(topic).orElse(null), language), null);
            // The bot's own reply left the conversation waiting on the customer; it now waits on an agent.
            conversations.setStatus(conversationId, ConversationStatus.OPEN, null);
            conversations.setHandling(conversationId, HandlingState.QUEUED, null);
        }
        data.save(next, clock.instant());
    }

    /**
     * The language to answer in: the message's, unless the message is mostly a detail such as an order number
     * (which reads as English), then the language the customer wrote in before.
     */
    static Locale language(String text, NluResult result, List<NluResult> results) {
        int covered = result.entities().stream().mapToInt(e -> e.end() - e.start()).sum();
        if (covered * 2 < text.strip().length()) {
            return result.language();
        }
        for (int i = results.size() - 1; i >= 0; i--) {
            if (results.get(i) != result && results.get(i).entities().isEmpty()) {
                return results.get(i).language();
            }
        }
        return result.language();
    }

    private List<KnowledgeHit> search(String query) {
        List<KnowledgeHit> hits = new ArrayList<>();
        for (KnowledgeSource source : knowledge) {
            try {
                hits.addAll(source.search(query, null, 5));
            } catch (RuntimeException e) {
                LOG.error("Knowledge source {} failed; answering from the others", source.id(), e);
            }
        }
        return hits;
    }

    private static String tried(Locale language, String what, String detail) {
        boolean zh = Locale.CHINESE.getLanguage().equals(language.getLanguage());
        String clipped = detail.length() > 120 ? detail.substring(0, 119) + "…" : detail;
        return switch (what) {
            case "asked" -> (zh ? "询问了 " : "asked for ") + clipped;
            case "answered" -> (zh ? "用知识库回答：" : "answered from the knowledge base: ") + clipped;
            default -> (zh ? "未能理解：" : "did not understand: ") + clipped;
        };
    }
}
