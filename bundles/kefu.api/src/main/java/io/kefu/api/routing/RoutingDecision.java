package io.kefu.api.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where routing sent a conversation and why: the queue, the skills (skill → lowest proficiency) and priority the
 * rules asked for, the agent chosen (null while the conversation waits), the rules that fired in order, the actions
 * they emitted and the rule-set version that made the decision. {@code fallback} is true when the rules failed and
 * the conversation went to the safe default queue; {@code error} then says why.
 */
public record RoutingDecision(String id, String conversationId, Instant decidedAt, String trigger, int ruleSetVersion,
        String queueId, Map<String, Integer> requiredSkills, int priority, String agentId, List<String> firedRules,
        List<RoutingAction> actions, boolean fallback, String error) {
    public RoutingDecision {
        requiredSkills = Map.copyOf(requiredSkills);
        firedRules = List.copyOf(firedRules);
        actions = List.copyOf(actions);
    }
}
