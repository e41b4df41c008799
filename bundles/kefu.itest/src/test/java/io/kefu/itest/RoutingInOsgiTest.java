package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.api.agent.Agents;
import io.kefu.api.agent.Presence;
import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.routing.RoutingDecision;
import io.kefu.api.routing.RoutingDecisions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Routing inside Felix with the real bundles on the run's database: email conversations (which go to people
 * directly) are decided by the live Drools rules, recorded with the rules that fired, given to the online agent
 * with the skill and room for them, and wait in their queue while the agent is full until the agent resolves one.
 */
@KefuItest
class RoutingInOsgiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void conversationsReachAnAgentWithRoomAndTheNextWaitsUntilOneIsResolved() {
        Agents agents = Osgi.service(Agents.class);
        Conversations conversations = Osgi.service(Conversations.class);
        MessageIngest ingest = Osgi.service(MessageIngest.class);
        RoutingDecisions decisions = Osgi.service(RoutingDecisions.class);
        String agent = UUID.randomUUID().toString();
        // Only email capacity, so that the other tests' web chat conversations never reach this agent.
        agents.setPresence(agent, "Routing test agent", Presence.OFFLINE);
        // Every skill the default rules ask for, so that whatever intent NLU finds, this agent qualifies.
        Map<String, Integer> skills = Map.of("writing", 3, "orders", 3, "logistics", 3, "refunds", 3, "returns", 3,
                "invoicing", 3, "accounts", 3, "complaints", 3, "deescalation", 3);
        agents.setProfile(agent, skills, Set.of(), Map.of("email", 1));
        agents.setPresence(agent, "Routing test agent", Presence.ONLINE);
        try {
            String first = email(ingest, "Where is my parcel?");
            Osgi.await(WAIT, "the first email assigned to the online agent", () ->
                    agent.equals(conversations.find(first).orElseThrow().assigneeId()));
            List<RoutingDecision> firstDecisions = decisions.of(first);
            assertFalse(firstDecisions.isEmpty());
            RoutingDecision decision = firstDecisions.get(firstDecisions.size() - 1);
            assertTrue(decision.ruleSetVersion() >= 1, "decided by a published version");
            assertEquals("NEW", decision.trigger());
            assertTrue(decision.firedRules().contains("Everyone starts in the general queue"), decision.toString());
            assertTrue(decision.firedRules().contains("Email needs a careful writer"), decision.toString());
            assertEquals(2, decision.requiredSkills().get("writing"));
            assertFalse(decision.fallback());

            String second = email(ingest, "I have another question about my account");
            Osgi.await(WAIT, "the second email waiting in a queue", () -> {
                Conversation c = conversations.find(second).orElseThrow();
                return c.queueId() != null && c.assigneeId() == null;
            });
            assertNull(conversations.find(second).orElseThrow().assigneeId(), "the agent has no room");

            conversations.setStatus(first, ConversationStatus.RESOLVED, null);
            Osgi.await(WAIT, "the waiting email offered to the agent once the first was resolved", () ->
                    agent.equals(conversations.find(second).orElseThrow().assigneeId()));
            assertEquals(1, agents.find(agent).orElseThrow().capacity().get("email"));
        } finally {
            agents.setPresence(agent, "Routing test agent", Presence.OFFLINE);
        }
    }

    private static String email(MessageIngest ingest, String body) {
        String sender = "routing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return ingest.ingest(new InboundMessage("email", new ChannelIdentity(IdentityType.EMAIL, sender, true), body,
                "<" + UUID.randomUUID() + "@example.com>", null, List.of(), null)).conversationId();
    }
}
