package io.kefu.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The repository's default rules (rules/routing.drl) against their scenarios (rules/routing.scenarios.yaml): every
 * scenario passes and every rule fires in at least one of them.
 */
class DefaultRulesTest {
    static final Path RULES = Path.of("../../rules");

    static String defaultDrl() throws IOException {
        return Files.readString(RULES.resolve("routing.drl"));
    }

    static String defaultScenarios() throws IOException {
        return Files.readString(RULES.resolve("routing.scenarios.yaml"));
    }

    @Test
    void everyScenarioPassesAndEveryRuleHasOne() throws IOException {
        CompiledRuleSet rules = RuleCompiler.compile(defaultDrl(), 1000);
        ScenarioRunner.Report report = ScenarioRunner.run(rules, Scenarios.parse(defaultScenarios()), "general");
        String failures = report.results().stream().filter(r -> !r.passed())
                .map(r -> r.name() + ": " + r.failures()).collect(Collectors.joining("\n"));
        assertEquals(0, report.failed(), failures);
        assertTrue(report.passed() >= 30, "scenarios: " + report.passed());
        assertEquals(java.util.List.of(), report.untestedRules(), "rules without a scenario");
        assertTrue(rules.ruleNames().size() >= 30, "a realistic rule set has at least 30 rules");
    }
}
