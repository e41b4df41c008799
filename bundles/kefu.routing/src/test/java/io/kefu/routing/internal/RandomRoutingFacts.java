package io.kefu.routing.internal;

import io.kefu.routing.facts.Contact;
import io.kefu.routing.facts.CustomerProfile;
import io.kefu.routing.facts.Now;
import io.kefu.routing.facts.QueueLoad;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random but plausible facts for the default rules (rules/routing.drl): every intent the rules know plus the ones
 * they do not, every channel, tier, sentiment and trigger, texts with and without the keywords the rules look
 * for, waiting times around the 60/120/300 s thresholds and queue loads that sometimes make after-sales overflow.
 * Used by {@link HandCodedRoutingTest} (equivalence) and {@link RoutingBenchmark} (the workload).
 */
final class RandomRoutingFacts {
    static final String[] INTENTS = {"order_status", "delivery", "refund", "return", "invoice", "account",
        "complaint", "greeting", "out_of_scope", null};
    static final String[] CHANNELS = {"webchat", "email", "webhook", "voice"};
    static final String[] SENTIMENTS = {"POSITIVE", "NEUTRAL", "NEUTRAL", "NEGATIVE", "ANGRY"};
    static final String[] TIERS = {"STANDARD", "STANDARD", "STANDARD", "SILVER", "GOLD", "VIP"};
    static final String[] TRIGGERS = {"NEW", "HANDOFF", "HANDOFF", "MESSAGE", "WAITING"};
    static final String[] TAGS = {"churn_risk", "legal_risk", "media_risk", "complained", "wholesale"};
    static final String[] TEXTS = {
        "我的快递到哪里了", "Where is my parcel?", "我要退货", "I want a refund for order 1234",
        "请帮我开发票", "Please send the INVOICE again", "我要注销账号", "please close my account",
        "再不退款我就找律师起诉你们", "I will talk to my lawyer", "I will sue you", "我要找媒体曝光你们",
        "I will talk to a journalist about this", "你好", "hello, anyone there?", "商品质量太差了，发票也没给",
        "thanks", "",
        // several keyword rules at once: the order of their actions counts
        "我要注销账号，发票也没给", "I will sue you and call a journalist", "律师已经准备好了，我还要找媒体曝光",
        "cancel my account or my lawyer will call", "invoice missing, I will tell a journalist",
    };
    static final String[] LAST_AGENTS = {"agent-007", "agent-042", "agent-123", "agent-199"};

    private RandomRoutingFacts() {
    }

    static RoutingFacts next(Random random) {
        Contact contact = new Contact();
        contact.setConversationId("c-" + random.nextInt(1_000_000));
        contact.setCustomerId("u-" + random.nextInt(100_000));
        contact.setChannel(pick(random, CHANNELS));
        contact.setTrigger(pick(random, TRIGGERS));
        contact.setIntent(pick(random, INTENTS));
        // around the 0.3 threshold often enough
        contact.setConfidence(random.nextInt(4) == 0 ? 0.25 + random.nextDouble() * 0.1 : random.nextDouble());
        contact.setSentiment(pick(random, SENTIMENTS));
        contact.setAngryMessages(random.nextInt(4));
        contact.setText(random.nextInt(3) == 0 ? pick(random, TEXTS) : "");
        contact.setWaitingSeconds(random.nextInt(401));
        contact.setWithAgent(random.nextInt(4) == 0);
        contact.setEscalated(random.nextInt(5) == 0);
        contact.setLastAgent(random.nextInt(3) == 0 ? pick(random, LAST_AGENTS) : null);
        contact.setQueue(random.nextBoolean() ? null : "general");

        CustomerProfile customer = new CustomerProfile();
        customer.setCustomerId(contact.getCustomerId());
        customer.setTier(pick(random, TIERS));
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : TAGS) {
            if (random.nextInt(8) == 0) {
                tags.add(tag);
            }
        }
        customer.setTags(tags);

        Now now = new Now();
        now.setDayOfWeek(1 + random.nextInt(7));
        now.setBusinessHours(random.nextInt(4) != 0);
        now.setHour(now.isBusinessHours() ? 9 + random.nextInt(9) : (18 + random.nextInt(15)) % 24);

        List<QueueLoad> queues = new ArrayList<>();
        if (random.nextInt(5) != 0) {
            // after-sales full (≥ 20 waiting, nobody free) about a third of the time, general free most of the time
            boolean full = random.nextInt(3) == 0;
            int afterSalesWaiting = full ? 20 + random.nextInt(20) : random.nextInt(25);
            int afterSalesFree = full ? 0 : random.nextInt(3);
            queues.add(new QueueLoad("after_sales", afterSalesWaiting, random.nextInt(600), 4, afterSalesFree));
            queues.add(new QueueLoad("general", random.nextInt(10), random.nextInt(300), 3,
                    random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3)));
            queues.add(new QueueLoad("finance", random.nextInt(5), random.nextInt(200), 2, random.nextInt(2)));
            queues.add(new QueueLoad("vip", random.nextInt(3), random.nextInt(100), 2, random.nextInt(2)));
        }
        return new RoutingFacts(contact, customer, now, queues);
    }

    static RoutingFacts[] many(long seed, int count) {
        Random random = new Random(seed);
        RoutingFacts[] facts = new RoutingFacts[count];
        for (int i = 0; i < count; i++) {
            facts[i] = next(random);
        }
        return facts;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
