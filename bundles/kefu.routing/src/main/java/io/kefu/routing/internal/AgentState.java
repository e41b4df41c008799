package io.kefu.routing.internal;

import io.kefu.api.agent.Presence;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An agent as routing sees them: skills (skill → proficiency 1-5), teams, presence, capacity and current load per
 * channel, and when they last got a conversation. Owned and changed by the dispatcher's single thread only.
 */
final class AgentState {
    final String userId;
    String displayName;
    Map<String, Integer> skills;
    Set<String> teams;
    Map<String, Integer> capacity;
    Presence presence;
    Instant presenceSince;
    Instant lastAssignedAt;
    final Map<String, Integer> load = new HashMap<>();

    AgentState(String userId, String displayName, Map<String, Integer> skills, Set<String> teams,
            Map<String, Integer> capacity, Presence presence, Instant presenceSince) {
        this.userId = userId;
        this.displayName = displayName;
        this.skills = Map.copyOf(skills);
        this.teams = Set.copyOf(teams);
        this.capacity = Map.copyOf(capacity);
        this.presence = presence;
        this.presenceSince = presenceSince;
    }

    int load(String channel) {
        return load.getOrDefault(channel, 0);
    }

    int capacity(String channel) {
        Integer own = capacity.get(channel);
        return own != null ? own : capacity.getOrDefault("*", 0);
    }

    /** Online, with room for one more conversation on {@code channel}. */
    boolean hasRoom(String channel) {
        return presence == Presence.ONLINE && load(channel) < capacity(channel);
    }

    /** Has every skill at the level asked for or better. */
    boolean qualifies(Map<String, Integer> required) {
        for (Map.Entry<String, Integer> skill : required.entrySet()) {
            if (skills.getOrDefault(skill.getKey(), 0) < skill.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** When this agent last started waiting for work: their last assignment or going online, whichever is later. */
    Instant idleSince() {
        if (lastAssignedAt == null) {
            return presenceSince;
        }
        return presenceSince == null || lastAssignedAt.isAfter(presenceSince) ? lastAssignedAt : presenceSince;
    }

    void changeLoad(String channel, int delta) {
        load.merge(channel, delta, (a, b) -> Math.max(0, a + b));
    }
}
