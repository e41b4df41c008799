package io.kefu.routing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the agent for a conversation among those who are online, have room on its channel, belong to the queue's
 * team (when it has one) and have the skills the rules asked for. The customer's last agent wins when the rules
 * prefer them and they qualify; otherwise the strategy decides: LEAST_LOADED (lowest share of their capacity in
 * use, then longest idle), LONGEST_IDLE, or ROUND_ROBIN (the next agent by id after the one this queue picked
 * last). Not thread-safe: the dispatcher calls it from its one thread.
 */
final class AgentSelector {
    private static final Comparator<AgentState> IDLE = Comparator
            .comparing(AgentState::idleSince, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(a -> a.userId);

    private final Map<String, String> lastPickedByQueue = new HashMap<>();

    /** The agent to assign, or null when nobody qualifies now (the conversation then waits). */
    AgentState select(Collection<AgentState> agents, String queueTeam, String queueId, String channel,
            RuleOutcome outcome, String lastAgent) {
        if (outcome.preferLastAgent() && lastAgent != null) {
            for (AgentState agent : agents) {
                if (agent.userId.equals(lastAgent) && eligible(agent, queueTeam, channel, outcome.skills())) {
                    return agent;
                }
            }
        }
        AgentState best = null;
        switch (outcome.strategy()) {
            case "LONGEST_IDLE" -> {
                for (AgentState agent : agents) {
                    if (eligible(agent, queueTeam, channel, outcome.skills())
                            && (best == null || IDLE.compare(agent, best) < 0)) {
                        best = agent;
                    }
                }
            }
            case "ROUND_ROBIN" -> {
                String previous = lastPickedByQueue.get(queueId);
                AgentState first = null;
                for (AgentState agent : agents) {
                    if (!eligible(agent, queueTeam, channel, outcome.skills())) {
                        continue;
                    }
                    if (first == null || agent.userId.compareTo(first.userId) < 0) {
                        first = agent;
                    }
                    if (previous != null && agent.userId.compareTo(previous) > 0
                            && (best == null || agent.userId.compareTo(best.userId) < 0)) {
                        best = agent;
                    }
                }
                best = best == null ? first : best;
            }
            default -> {
                double bestShare = Double.MAX_VALUE;
                for (AgentState agent : agents) {
                    if (!eligible(agent, queueTeam, channel, outcome.skills())) {
                        continue;
                    }
                    double share = agent.load(channel) / (double) agent.capacity(channel);
                    if (best == null || share < bestShare || share == bestShare && IDLE.compare(agent, best) < 0) {
                        best = agent;
                        bestShare = share;
                    }
                }
            }
        }
        if (best != null) {
            lastPickedByQueue.put(queueId, best.userId);
        }
        return best;
    }

    static boolean eligible(AgentState agent, String queueTeam, String channel, Map<String, Integer> skills) {
        return agent.hasRoom(channel) && (queueTeam == null || agent.teams.contains(queueTeam))
                && agent.qualifies(skills);
    }
}
