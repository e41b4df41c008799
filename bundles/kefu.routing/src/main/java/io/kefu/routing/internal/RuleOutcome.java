package io.kefu.routing.internal;

import io.kefu.api.routing.RoutingAction;
import java.util.List;
import java.util.Map;

/**
 * What a rule set decided for one set of facts, before an agent is chosen: the queue (the default queue when no
 * rule chose one), skills, priority, agent-picking strategy, actions, and the rules that fired, in order.
 */
public record RuleOutcome(String queue, Map<String, Integer> skills, int priority, String strategy,
        boolean preferLastAgent, List<RoutingAction> actions, List<String> firedRules) {
    public RuleOutcome {
        skills = Map.copyOf(skills);
        actions = List.copyOf(actions);
        firedRules = List.copyOf(firedRules);
    }

    /** True when both send the conversation the same way (the rules that fired may differ). */
    public boolean sameDecision(RuleOutcome other) {
        return queue.equals(other.queue) && skills.equals(other.skills) && priority == other.priority
                && strategy.equals(other.strategy) && preferLastAgent == other.preferLastAgent
                && actions.stream().map(a -> a.kind() + ":" + a.target()).toList()
                        .equals(other.actions.stream().map(a -> a.kind() + ":" + a.target()).toList());
    }
}
