package io.kefu.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.routing.internal.Scenarios.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HandCodedRouting}, the baseline of {@link RoutingBenchmark}, decides exactly what rules/routing.drl decides:
 * same queue, skills, priority, strategy, last-agent preference and actions in the same order
 * ({@link RuleOutcome#sameDecision}), on every scenario of rules/routing.scenarios.yaml and on 20,000 random fact
 * sets. Without it the benchmark would compare the engine with a different, perhaps cheaper, decision.
 */
class HandCodedRoutingTest {
    static final int RANDOM_FACT_SETS = 20_000;
    private static CompiledRuleSet drools;

    @BeforeAll
    static void compile() throws IOException {
        drools = RuleCompiler.compile(Files.readString(Path.of("../../rules/routing.drl")), 1000);
    }

    @AfterAll
    static void dispose() {
        drools.dispose();
    }

    @Test
    void sameDecisionOnEveryScenario() throws IOException {
        List<Scenario> scenarios = Scenarios.parse(Files.readString(Path.of("../../rules/routing.scenarios.yaml")));
        assertTrue(scenarios.size() >= 30, "scenarios: " + scenarios.size());
        for (Scenario scenario : scenarios) {
            // the facts are parsed anew for each side, so neither can see what the other did to them
            assertSame(scenario.name(), drools.decide(Scenarios.facts(scenario), "general"),
                    HandCodedRouting.decide(Scenarios.facts(scenario), "general"));
        }
    }

    @Test
    void sameDecisionOnRandomFacts() {
        RoutingFacts[] facts = RandomRoutingFacts.many(20240617L, RANDOM_FACT_SETS);
        Set<String> firedByDrools = new HashSet<>();
        Set<String> firedByHand = new HashSet<>();
        int withActions = 0;
        int multipleActionRules = 0;
        for (int i = 0; i < facts.length; i++) {
            RuleOutcome rules = drools.decide(facts[i], "general");
            RuleOutcome hand = HandCodedRouting.decide(facts[i], "general");
            assertSame("random fact set " + i + " " + describe(facts[i]), rules, hand);
            assertEquals(Set.copyOf(rules.firedRules()), Set.copyOf(hand.firedRules()),
                    "random fact set " + i + ": the same rules apply");
            firedByDrools.addAll(rules.firedRules());
            firedByHand.addAll(hand.firedRules());
            withActions += rules.actions().isEmpty() ? 0 : 1;
            multipleActionRules += rules.actions().stream().map(a -> a.rule()).distinct().count() > 1 ? 1 : 0;
        }
        // the random facts exercise every rule, and often enough the order of actions of several rules
        assertEquals(Set.copyOf(drools.ruleNames()), firedByDrools, "rules the random facts never made fire");
        assertEquals(firedByDrools, firedByHand);
        assertTrue(withActions > RANDOM_FACT_SETS / 5, "fact sets with actions: " + withActions);
        assertTrue(multipleActionRules > RANDOM_FACT_SETS / 20, "with actions of several rules: " + multipleActionRules);
    }

    private static void assertSame(String what, RuleOutcome rules, RuleOutcome hand) {
        assertTrue(rules.sameDecision(hand), () -> what + "\n  drools:     " + show(rules)
                + "\n  hand-coded: " + show(hand));
    }

    private static String show(RuleOutcome outcome) {
        return "queue=" + outcome.queue() + " skills=" + outcome.skills() + " priority=" + outcome.priority()
                + " strategy=" + outcome.strategy() + " preferLastAgent=" + outcome.preferLastAgent() + " actions="
                + outcome.actions().stream().map(a -> a.kind() + ":" + a.target() + "(" + a.rule() + ")").toList()
                + " fired=" + outcome.firedRules();
    }

    private static String describe(RoutingFacts f) {
        var c = f.contact();
        return "{intent=" + c.getIntent() + ", confidence=" + c.getConfidence() + ", channel=" + c.getChannel()
                + ", trigger=" + c.getTrigger() + ", sentiment=" + c.getSentiment() + ", angry="
                + c.getAngryMessages() + ", text=" + c.getText() + ", waiting=" + c.getWaitingSeconds()
                + ", withAgent=" + c.isWithAgent() + ", escalated=" + c.isEscalated() + ", lastAgent="
                + c.getLastAgent() + ", tier=" + f.customer().getTier() + ", tags=" + f.customer().getTags()
                + ", businessHours=" + f.now().isBusinessHours() + ", queues=" + f.queues().stream()
                        .map(q -> q.getQueue() + ":" + q.getWaiting() + "/" + q.getAgentsAvailable()).toList()
                + "}";
    }
}
