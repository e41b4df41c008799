package io.kefu.routing.internal;

import io.kefu.routing.internal.Scenarios.Expect;
import io.kefu.routing.internal.Scenarios.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Runs scenarios against a compiled rule set and says, for each, what differed from what it expected. */
public final class ScenarioRunner {
    /** One scenario's outcome; {@code failures} is empty when it passed. */
    public record ScenarioResult(String name, boolean passed, List<String> failures, RuleOutcome outcome,
            String error) {
    }

    /** All outcomes, and the rules no scenario made fire (a rule without a scenario is a rule nobody checked). */
    public record Report(int passed, int failed, List<ScenarioResult> results, List<String> untestedRules) {
        public boolean allPassed() {
            return failed == 0;
        }
    }

    private ScenarioRunner() {
    }

    public static Report run(CompiledRuleSet rules, List<Scenario> scenarios, String defaultQueue) {
        List<ScenarioResult> results = new ArrayList<>();
        TreeSet<String> untested = new TreeSet<>(rules.ruleNames());
        int passed = 0;
        for (Scenario scenario : scenarios) {
            ScenarioResult result;
            try {
                RuleOutcome outcome = rules.decide(Scenarios.facts(scenario), defaultQueue);
                outcome.firedRules().forEach(untested::remove);
                List<String> failures = compare(scenario.expect(), outcome);
                result = new ScenarioResult(scenario.name(), failures.isEmpty(), failures, outcome, null);
            } catch (RuleFailure | Scenarios.ScenarioFileException e) {
                result = new ScenarioResult(scenario.name(), false, List.of(e.getMessage()), null, e.getMessage());
            }
            results.add(result);
            if (result.passed()) {
                passed++;
            }
        }
        return new Report(passed, results.size() - passed, results, List.copyOf(untested));
    }

    static List<String> compare(Expect expect, RuleOutcome actual) {
        List<String> failures = new ArrayList<>();
        check(failures, "queue", expect.queue(), actual.queue());
        check(failures, "priority", expect.priority(), actual.priority());
        check(failures, "strategy", expect.strategy(), actual.strategy());
        check(failures, "preferLastAgent", expect.preferLastAgent(), actual.preferLastAgent());
        if (expect.skills() != null) {
            check(failures, "skills", Map.copyOf(expect.skills()), actual.skills());
        }
        if (expect.actions() != null) {
            check(failures, "actions", expect.actions(),
                    actual.actions().stream().map(a -> a.kind() + ":" + a.target()).toList());
        }
        if (expect.rules() != null) {
            for (String rule : expect.rules()) {
                if (!actual.firedRules().contains(rule)) {
                    failures.add("rule \"" + rule + "\" should have fired but did not");
                }
            }
        }
        if (expect.notRules() != null) {
            for (String rule : expect.notRules()) {
                if (actual.firedRules().contains(rule)) {
                    failures.add("rule \"" + rule + "\" fired but should not have");
                }
            }
        }
        return failures;
    }

    private static void check(List<String> failures, String what, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            failures.add(what + ": expected " + expected + ", was " + actual);
        }
    }
}
