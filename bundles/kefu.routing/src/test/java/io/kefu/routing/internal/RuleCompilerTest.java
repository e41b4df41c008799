package io.kefu.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.routing.facts.Contact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compile errors with their position, loops and rules that throw, as analysts meet them. */
class RuleCompilerTest {
    static final String HEADER = """
            package io.kefu.routing.rules
            import io.kefu.routing.facts.Contact
            import io.kefu.routing.facts.Decision
            """;

    static RoutingFacts facts(String channel) {
        Contact contact = new Contact();
        contact.setConversationId("c1");
        contact.setChannel(channel);
        contact.setTrigger("NEW");
        return new RoutingFacts(contact, null, null, List.of());
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() {
        String drl = HEADER + """
                rule "Chats go to the chat queue"
                when
                    Contact(channel == "webchat"
                    $d : Decision()
                then
                    $d.routeTo("chat");
                end
                """;
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RuleCompiler.compile(drl, 100));
        RuleProblem first = e.problems().get(0);
        assertEquals(7, first.line(), first.toString());
        assertTrue(first.column() > 0, first.toString());
        assertTrue(e.problems().stream().noneMatch(p -> p.message().contains("null Package")), e.problems().toString());
    }

    @Test
    void anUnknownMethodInAConsequenceIsAnErrorOnItsRule() {
        String drl = HEADER + """
                rule "Typo"
                when
                    $d : Decision()
                then
                    $d.routeToo("chat");
                end
                """;
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RuleCompiler.compile(drl, 100));
        assertTrue(e.problems().get(0).line() >= 4, e.problems().toString());
        assertTrue(e.getMessage().contains("routeToo"), e.getMessage());
    }

    @Test
    void rulesThatKeepFiringAreStoppedAtTheLimitWithTheRuleNamed() {
        String drl = HEADER + """
                rule "Raise forever"
                when
                    $d : Decision(priority < 1000000)
                then
                    modify($d) { addPriority(1) }
                end
                """;
        CompiledRuleSet rules = RuleCompiler.compile(drl, 50);
        RuleFailure failure = assertThrows(RuleFailure.class, () -> rules.decide(facts("webchat"), "general"));
        assertTrue(failure.getMessage().contains("Raise forever"), failure.getMessage());
        assertTrue(failure.getMessage().contains("50"), failure.getMessage());
        // The rule set still answers other decisions with a fresh session.
        assertThrows(RuleFailure.class, () -> rules.decide(facts("email"), "general"));
    }

    @Test
    void aRuleThatThrowsIsNamedAndTheNextDecisionStillWorks() {
        String drl = HEADER + """
                rule "Bad skill level"
                when
                    Contact(channel == "email")
                    $d : Decision()
                then
                    $d.requireSkill("writing", 9);
                end
                rule "Chats go to the chat queue"
                when
                    Contact(channel == "webchat")
                    $d : Decision()
                then
                    $d.routeTo("chat");
                end
                """;
        CompiledRuleSet rules = RuleCompiler.compile(drl, 100);
        RuleFailure failure = assertThrows(RuleFailure.class, () -> rules.decide(facts("email"), "general"));
        assertTrue(failure.getMessage().contains("Bad skill level"), failure.getMessage());
        assertTrue(failure.getMessage().contains("1-5"), failure.getMessage());
        RuleOutcome chat = rules.decide(facts("webchat"), "general");
        assertEquals("chat", chat.queue());
        assertEquals(List.of("Chats go to the chat queue"), chat.firedRules());
        assertEquals("general", rules.decide(facts("voice"), "general").queue(), "no rule: the default queue");
    }

    @Test
    void pooledSessionsKeepNoFactsBetweenDecisions() {
        String drl = HEADER + """
                rule "Count contacts"
                when
                    accumulate(Contact(); $n : count(); $n > 1)
                    $d : Decision()
                then
                    $d.routeTo("too_many");
                end
                """;
        CompiledRuleSet rules = RuleCompiler.compile(drl, 100);
        for (int i = 0; i < 5; i++) {
            assertEquals("general", rules.decide(facts("webchat"), "general").queue());
        }
    }
}
