package io.kefu.api.agent;

import java.util.Map;
import java.util.Set;

/**
 * A person who answers customers. {@code skills} maps a skill to a proficiency from 1 to 5; {@code capacity} maps a
 * channel to how many of its conversations the agent can hold at once (for example 5 chats, 1 call).
 */
public record Agent(String id, String userId, String displayName, Map<String, Integer> skills,
        Set<String> teamIds, Presence presence, Map<String, Integer> capacity) {
    public Agent {
        skills = Map.copyOf(skills);
        teamIds = Set.copyOf(teamIds);
        capacity = Map.copyOf(capacity);
    }
}
