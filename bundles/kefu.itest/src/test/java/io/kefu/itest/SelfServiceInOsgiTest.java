package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.HandlingState;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bot inside Felix with the real bundles on the run's database: a web chat customer's message is understood,
 * the bot asks once for the order number, answers with it from the demo knowledge base, and hands off with a
 * summary when the customer asks for a person.
 */
@KefuItest
class SelfServiceInOsgiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theBotAsksOnceAnswersAndHandsOffWithASummary() {
        MessageIngest ingest = Osgi.service(MessageIngest.class);
        Conversations conversations = Osgi.service(Conversations.class);
        // The bot takes web chat once understanding is up, and the MariaDB run moves the store (and with it every
        // component on it) at its start: until the bot is bound, new conversations go to agents. So the first
        // message is sent by new visitors until one conversation starts with the bot.
        String[] started = new String[2];
        Osgi.await(WAIT, "a new web chat conversation that starts with the bot", () -> {
            String visitor = UUID.randomUUID().toString().replace("-", "");
            String id = ingest.ingest(new InboundMessage("webchat", new ChannelIdentity(IdentityType.WEB_VISITOR,
                    visitor, true), "我的订单怎么还没发货", visitor + ":1", null, List.of(), null)).conversationId();
            started[0] = visitor;
            started[1] = id;
            return conversations.find(id).orElseThrow().handling() == HandlingState.BOT;
        });
        String visitor = started[0];
        String conversation = started[1];
        ChannelIdentity customer = new ChannelIdentity(IdentityType.WEB_VISITOR, visitor, true);
        awaitOutbound(conversations, conversation, 1, "订单号");

        ingest.ingest(new InboundMessage("webchat", customer, "E20261121000123", visitor + ":2", null, List.of(), null));
        awaitOutbound(conversations, conversation, 2, "E20261121000123 已收到");

        ingest.ingest(new InboundMessage("webchat", customer, "转人工", visitor + ":3", null, List.of(), null));
        Osgi.await(WAIT, "the handoff note", () -> messages(conversations, conversation).stream()
                .anyMatch(m -> m.direction() == MessageDirection.INTERNAL_NOTE
                        && m.body().contains("order_number=E20261121000123") && m.body().contains("order_status")));
        Osgi.await(WAIT, "the conversation queued for agents", () ->
                conversations.find(conversation).orElseThrow().handling() == HandlingState.QUEUED);
        // Asked for the order number exactly once.
        assertEquals(1, messages(conversations, conversation).stream()
                .filter(m -> m.direction() == MessageDirection.OUTBOUND && m.body().contains("请提供您的订单号")).count());

        // After the handoff the bot is silent.
        ingest.ingest(new InboundMessage("webchat", customer, "你好，在吗", visitor + ":4", null, List.of(), null));
        Osgi.await(WAIT, "the last message stored", () -> messages(conversations, conversation).stream()
                .anyMatch(m -> m.body().equals("你好，在吗")));
        long outbound = messages(conversations, conversation).stream()
                .filter(m -> m.direction() == MessageDirection.OUTBOUND).count();
        try {
            Thread.sleep(1500); // long enough for understanding and the bot to have answered, were it not silent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(outbound, messages(conversations, conversation).stream()
                .filter(m -> m.direction() == MessageDirection.OUTBOUND).count());
    }

    private static void awaitOutbound(Conversations conversations, String conversation, int count, String text) {
        Osgi.await(WAIT, "bot reply " + count + " containing " + text, () -> {
            List<Message> out = messages(conversations, conversation).stream()
                    .filter(m -> m.direction() == MessageDirection.OUTBOUND).toList();
            return out.size() >= count && out.get(count - 1).body().contains(text);
        });
        assertTrue(messages(conversations, conversation).stream().anyMatch(m -> m.body().contains(text)));
    }

    private static List<Message> messages(Conversations conversations, String conversation) {
        return conversations.messages(conversation, 0, 100);
    }
}
