package io.kefu.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rule that throws, or no rules at all, still sends the conversation to the default queue, with the reason. */
class SafeDecisionTest {
    @Test
    void aThrowingRuleFallsBackToTheDefaultQueueWithTheRuleNamed() {
        CompiledRuleSet rules = RuleCompiler.compile(RuleCompilerTest.HEADER + """
                rule "Email goes to an unknown strategy"
                when
                    Contact(channel == "email")
                    $d : Decision()
                then
                    $d.routeTo("finance");
                    $d.useStrategy("FASTEST");
                end
                rule "Chats go to after-sales"
                when
                    Contact(channel == "webchat")
                    $d : Decision()
                then
                    $d.routeTo("after_sales");
                end
                """, 100);
        RuleSets.Live live = new RuleSets.Live(7, rules, null);
        SafeDecision failed = SafeDecision.of(live, RuleCompilerTest.facts("email"), "general");
        assertTrue(failed.fallback());
        assertEquals("general", failed.outcome().queue());
        assertTrue(failed.error().contains("version 7"), failed.error());
        assertTrue(failed.error().contains("Email goes to an unknown strategy"), failed.error());
        assertTrue(failed.error().contains("FASTEST"), failed.error());

        SafeDecision fine = SafeDecision.of(live, RuleCompilerTest.facts("webchat"), "general");
        assertFalse(fine.fallback());
        assertEquals("after_sales", fine.outcome().queue());
    }

    @Test
    void withoutCompiledRulesEveryConversationStillGetsTheDefaultQueue() {
        SafeDecision decision = SafeDecision.of(new RuleSets.Live(3, null, "version 3 no longer compiles"),
                RuleCompilerTest.facts("webchat"), "general");
        assertTrue(decision.fallback());
        assertEquals("general", decision.outcome().queue());
        assertEquals("version 3 no longer compiles", decision.error());
    }
}
