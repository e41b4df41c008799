package io.kefu.api.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Agents as routing knows them, keyed by their Kefu user id: presence, skills, teams and capacity. Setting an agent
 * online offers them waiting conversations at once. A profile is made the first time an agent is seen, with no
 * skills, no team and the configured default capacity.
 */
@ProviderType
public interface Agents {
    Optional<Agent> find(String userId);

    List<Agent> all();

    Agent setPresence(String userId, String displayName, Presence presence);

    /**
     * @throws java.util.NoSuchElementException for an agent routing has never seen
     * @throws IllegalArgumentException for skill levels outside 1-5, an unknown team or a negative capacity
     */
    Agent setProfile(String userId, Map<String, Integer> skills, Set<String> teamIds, Map<String, Integer> capacity);
}
