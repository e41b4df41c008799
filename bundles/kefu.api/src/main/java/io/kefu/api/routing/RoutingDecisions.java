package io.kefu.api.routing;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Why conversations went where they did: the recorded routing decisions. */
@ProviderType
public interface RoutingDecisions {
    /** A conversation's decisions, newest first (at most 50). */
    List<RoutingDecision> of(String conversationId);
}
