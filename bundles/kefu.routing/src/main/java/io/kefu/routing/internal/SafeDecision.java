package io.kefu.routing.internal;

import java.util.List;
import java.util.Map;

/**
 * A decision that always sends the conversation somewhere: the live rules' outcome, or, when there are no
 * compiled rules or they fail on these facts, the default queue with the reason. The conversation is never left
 * without a queue because of a rule.
 */
record SafeDecision(RuleOutcome outcome, boolean fallback, String error) {
    static SafeDecision of(RuleSets.Live live, RoutingFacts facts, String defaultQueue) {
        if (live.rules() == null) {
            return fallback(defaultQueue, live.error() == null ? "no routing rules are live" : live.error());
        }
        try {
            return new SafeDecision(live.rules().decide(facts, defaultQueue), false, null);
        } catch (RuleFailure e) {
            return fallback(defaultQueue, "Rule-set version " + live.version() + ": " + e.getMessage());
        }
    }

    private static SafeDecision fallback(String defaultQueue, String error) {
        return new SafeDecision(new RuleOutcome(defaultQueue, Map.of(), 0, "LEAST_LOADED", false, List.of(),
                List.of()), true, error);
    }
}
