package io.kefu.routing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.kefu.routing.internal.RoutingMapper.AgentRow;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Agents' profiles to and from their rows, and the checks on what supervisors enter. */
final class Profiles {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.*-]{1,64}");
    /** So that a profile always fits its columns (skills 2,000, capacity 1,000 characters as JSON). */
    static final int MAX_ENTRIES = 12;
    private static final TypeReference<Map<String, Integer>> INTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private Profiles() {
    }

    static AgentRow row(AgentState agent) {
        return new AgentRow(agent.userId, agent.displayName == null ? agent.userId : agent.displayName,
                DecisionRecords.write(agent.skills), DecisionRecords.write(agent.teams),
                DecisionRecords.write(agent.capacity), agent.presence.name(), agent.presenceSince,
                agent.lastAssignedAt);
    }

    static Map<String, Integer> intMap(String json) {
        try {
            return json == null ? Map.of() : DecisionRecords.JSON.readValue(json, INTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> stringSet(String json) {
        try {
            return json == null ? Set.of() : new LinkedHashSet<>(DecisionRecords.JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses channel:count entries of the configuration. */
    static Map<String, Integer> capacity(String[] entries) {
        Map<String, Integer> capacity = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(":");
            if (parts.length == 2) {
                capacity.put(parts[0].strip(), Integer.parseInt(parts[1].strip()));
            }
        }
        return capacity;
    }

    /** Skill levels 1-5 with names of letters, digits, '_', '.', '-'. */
    static Map<String, Integer> checkSkills(Map<String, Integer> skills) {
        Map<String, Integer> clean = new LinkedHashMap<>();
        if (skills != null && skills.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("an agent has at most " + MAX_ENTRIES + " skills");
        }
        if (skills != null) {
            skills.forEach((skill, level) -> {
                requireName(skill, "skill");
                if (level == null || level < 1 || level > 5) {
                    throw new IllegalArgumentException("skill " + skill + " needs a level from 1 to 5");
                }
                clean.put(skill, level);
            });
        }
        return clean;
    }

    /** Conversations per channel, 0-100; '*' is any other channel. */
    static Map<String, Integer> checkCapacity(Map<String, Integer> capacity) {
        Map<String, Integer> clean = new LinkedHashMap<>();
        if (capacity != null && capacity.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("an agent has capacity for at most " + MAX_ENTRIES + " channels");
        }
        if (capacity != null) {
            capacity.forEach((channel, count) -> {
                requireName(channel, "channel");
                if (count == null || count < 0 || count > 100) {
                    throw new IllegalArgumentException("capacity for " + channel + " must be 0 to 100");
                }
                clean.put(channel, count);
            });
        }
        return clean;
    }

    static Set<String> checkTeams(List<String> teams, Set<String> known) {
        Set<String> clean = new LinkedHashSet<>();
        if (teams != null) {
            for (String team : teams) {
                if (!known.contains(team)) {
                    throw new IllegalArgumentException("no team " + team + "; teams are " + known);
                }
                clean.add(team);
            }
        }
        return clean;
    }

    private static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a " + what + " name is 1-64 letters, digits, '_', '.', '-': "
                    + name);
        }
    }
}
