package io.kefu.api.routing;

/**
 * Event Admin topics routing posts after a decision is stored, and their property names.
 */
public final class RoutingEvents {
    /** A decision was made for a conversation. Properties: conversation, decision, queue, agent (when chosen). */
    public static final String DECIDED = "kefu/routing/DECIDED";
    /**
     * A rule emitted an action for another bundle to carry out. Properties: conversation, customer, kind (an
     * {@link ActionKind} name), target, detail, rule, decision.
     */
    public static final String ACTION = "kefu/routing/ACTION";
    /** An agent's presence or capacity changed. Properties: agent (user id), presence. */
    public static final String AGENT_CHANGED = "kefu/routing/AGENT_CHANGED";
    /** A rule-set version went live (published or rolled back to). Properties: version, actor. */
    public static final String RULES_PUBLISHED = "kefu/routing/RULES_PUBLISHED";

    public static final String CONVERSATION = "conversation";
    public static final String CUSTOMER = "customer";
    public static final String DECISION = "decision";
    public static final String QUEUE = "queue";
    public static final String AGENT = "agent";
    public static final String PRESENCE = "presence";
    public static final String KIND = "kind";
    public static final String TARGET = "target";
    public static final String DETAIL = "detail";
    public static final String RULE = "rule";
    public static final String VERSION = "version";
    public static final String ACTOR = "actor";

    private RoutingEvents() {
    }
}
