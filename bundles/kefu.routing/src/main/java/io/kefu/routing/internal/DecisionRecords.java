package io.kefu.routing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kefu.api.routing.RoutingAction;
import io.kefu.api.routing.RoutingDecision;
import io.kefu.routing.facts.Contact;
import io.kefu.routing.facts.CustomerProfile;
import io.kefu.routing.facts.Now;
import io.kefu.routing.internal.RoutingMapper.DecisionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recorded decisions to and from their rows: facts, skills, fired rules and actions are kept as JSON. Also the
 * made-up conversations a draft is probed with before it is published.
 */
final class DecisionRecords {
    /** Lenient on reading: facts recorded by an older Kefu may carry properties this one no longer has. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<Map<String, Integer>> SKILLS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final TypeReference<List<RoutingAction>> ACTIONS = new TypeReference<>() { };

    private DecisionRecords() {
    }

    static RoutingFacts facts(DecisionRow row) {
        return read(row.facts(), RoutingFacts.class);
    }

    static RuleOutcome outcome(DecisionRow row) {
        return new RuleOutcome(row.queueId(), read(row.skills(), SKILLS), row.priority(), row.strategy(),
                row.preferLast(), read(row.actions(), ACTIONS), read(row.firedRules(), NAMES));
    }

    static RoutingDecision decision(DecisionRow row) {
        return new RoutingDecision(row.id(), row.conversationId(), row.decidedAt(), row.triggerKind(),
                row.ruleVersion(), row.queueId(), read(row.skills(), SKILLS), row.priority(), row.agentId(),
                read(row.firedRules(), NAMES), read(row.actions(), ACTIONS), row.fallback(), row.error());
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable recorded decision: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable recorded decision: " + e.getOriginalMessage(), e);
        }
    }

    /** A spread of conversations: every trigger, tier and sentiment, with and without an agent, waiting long. */
    static List<RoutingFacts> probes() {
        List<RoutingFacts> probes = new ArrayList<>();
        String[] triggers = {"NEW", "HANDOFF", "MESSAGE", "WAITING"};
        String[] tiers = {"STANDARD", "SILVER", "GOLD", "VIP"};
        String[] sentiments = {"POSITIVE", "NEUTRAL", "NEGATIVE", "ANGRY"};
        int i = 0;
        for (String trigger : triggers) {
            for (String tier : tiers) {
                for (String sentiment : sentiments) {
                    Contact contact = new Contact();
                    contact.setConversationId("probe-" + i);
                    contact.setCustomerId("probe-customer");
                    contact.setTrigger(trigger);
                    contact.setChannel(i % 2 == 0 ? "webchat" : "email");
                    contact.setSentiment(sentiment);
                    contact.setAngryMessages("ANGRY".equals(sentiment) ? 1 + i % 3 : 0);
                    contact.setWaitingSeconds(trigger.equals("WAITING") ? 30L * (i % 20) : 0);
                    contact.setWithAgent(trigger.equals("MESSAGE") && i % 2 == 1);
                    contact.setIntent(i % 5 == 0 ? null : "order_status");
                    contact.setConfidence(0.9);
                    CustomerProfile customer = new CustomerProfile();
                    customer.setTier(tier);
                    Now now = new Now();
                    now.setHour(i % 24);
                    now.setDayOfWeek(1 + i % 7);
                    now.setBusinessHours(i % 3 != 0);
                    probes.add(new RoutingFacts(contact, customer, now, List.of()));
                    i++;
                }
            }
        }
        return probes;
    }

    static String describe(RoutingFacts facts) {
        Contact c = facts.contact();
        return "trigger " + c.getTrigger() + ", channel " + c.getChannel() + ", intent " + c.getIntent()
                + ", sentiment " + c.getSentiment() + ", tier " + facts.customer().getTier();
    }
}
