package io.kefu.api.agent;

import java.util.Set;

/** A queue conversations wait in for an agent of a team who has the required skills. */
public record WorkQueue(String id, String name, String teamId, Set<String> requiredSkills) {
    public WorkQueue {
        requiredSkills = Set.copyOf(requiredSkills);
    }
}
