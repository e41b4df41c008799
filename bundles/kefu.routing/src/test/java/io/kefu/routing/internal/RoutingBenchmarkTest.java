package io.kefu.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.api.agent.Presence;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The data of {@link RoutingBenchmark} is what its comment says: 100 rules that compile, 200 agents. */
class RoutingBenchmarkTest {
    @Test
    void theHundredRuleSetCompilesWithHundredDistinctRules() {
        CompiledRuleSet rules = RuleCompiler.compile(RoutingBenchmark.hundredRuleDrl(), 1000);
        try {
            assertEquals(100, rules.ruleNames().size(), "rules: " + rules.ruleNames());
            RuleOutcome outcome = rules.decide(RandomRoutingFacts.next(new Random(7)), "general");
            assertTrue(!outcome.firedRules().isEmpty());
        } finally {
            rules.dispose();
        }
    }

    @Test
    void twoHundredAgentsMostlyOnlineAndSomeChosen() {
        List<AgentState> agents = RoutingBenchmark.agents(new Random(42), RoutingBenchmark.AGENTS);
        assertEquals(200, agents.size());
        long online = agents.stream().filter(a -> a.presence == Presence.ONLINE).count();
        assertTrue(online > 120 && online < 160, "online: " + online);
        AgentSelector selector = new AgentSelector();
        int chosen = 0;
        RoutingFacts[] facts = RandomRoutingFacts.many(1000L, RoutingBenchmark.FACT_SETS);
        for (RoutingFacts f : facts) {
            RuleOutcome outcome = HandCodedRouting.decide(f, "general");
            chosen += selector.select(agents, RoutingBenchmark.QUEUE_TEAMS.get(outcome.queue()), outcome.queue(),
                    f.contact().getChannel(), outcome, f.contact().getLastAgent()) == null ? 0 : 1;
        }
        // both outcomes happen: an agent is found, or the conversation waits
        assertTrue(chosen > facts.length / 4 && chosen < facts.length, "chosen: " + chosen + " of " + facts.length);
    }
}
