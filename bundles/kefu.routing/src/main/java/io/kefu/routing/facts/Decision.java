package io.kefu.routing.facts;

import io.kefu.api.routing.ActionKind;
import io.kefu.api.routing.RoutingAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules decide, filled in by their consequences: the queue, the skills an agent needs (skill → lowest
 * proficiency 1-5), the priority (higher is served first), how the agent is picked and the actions for other
 * bundles. Each action remembers the rule that emitted it, so a decision explains itself.
 *
 * <p>Consequences call these methods without {@code modify}: a rule never needs to match on a decision another
 * rule is still making, and leaving the decision unmodified spares the engine a re-evaluation per call.
 */
public final class Decision {
    /** How an agent is picked among the qualified ones with room. */
    public static final Set<String> STRATEGIES = Set.of("LEAST_LOADED", "LONGEST_IDLE", "ROUND_ROBIN");

    private String queue;
    private final Map<String, Integer> skills = new LinkedHashMap<>();
    private int priority;
    private String strategy = "LEAST_LOADED";
    private boolean preferLastAgent;
    private final List<RoutingAction> actions = new ArrayList<>();
    private String firingRule = "";

    /** Sends the conversation to {@code queue}; a later rule's call wins (use salience to order rules). */
    public void routeTo(String queue) {
        this.queue = requireText(queue, "queue");
    }

    /** An agent needs {@code skill} at {@code level} (1-5) or better; the highest level asked for counts. */
    public void requireSkill(String skill, int level) {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("skill level must be 1-5, was " + level + " for " + skill);
        }
        skills.merge(requireText(skill, "skill"), level, Math::max);
    }

    public void addPriority(int points) {
        priority += points;
    }

    /** Picks agents LEAST_LOADED (the default), LONGEST_IDLE or ROUND_ROBIN. */
    public void useStrategy(String strategy) {
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("strategy must be one of " + STRATEGIES + ", was " + strategy);
        }
        this.strategy = strategy;
    }

    /** The agent who last served the customer gets the conversation if they qualify and have room. */
    public void preferLastAgent() {
        this.preferLastAgent = true;
    }

    /** Hands the conversation to this agent (a user id) if they are online with room; else it waits as decided. */
    public void assignTo(String agent) {
        actions.add(new RoutingAction(ActionKind.ASSIGN, requireText(agent, "agent"), "", firingRule));
    }

    /**
     * Moves the conversation to {@code queue} and tells the supervisors why. The skills asked for so far are
     * dropped: whoever serves the escalation queue takes it (a supervisor need not hold every agent skill).
     */
    public void escalate(String queue, String reason) {
        routeTo(queue);
        skills.clear();
        actions.add(new RoutingAction(ActionKind.ESCALATE, queue, reason, firingRule));
    }

    /** An alert on the supervisors' board (and to every notifier). */
    public void notifySupervisors(String text) {
        actions.add(new RoutingAction(ActionKind.NOTIFY, "supervisors", text, firingRule));
    }

    public void notifyTeam(String team, String text) {
        actions.add(new RoutingAction(ActionKind.NOTIFY, requireText(team, "team"), text, firingRule));
    }

    public void tagCustomer(String tag) {
        actions.add(new RoutingAction(ActionKind.TAG_CUSTOMER, requireText(tag, "tag"), "", firingRule));
    }

    /** Asks the team's ticketing for a ticket about this conversation. */
    public void createTicket(String team, String subject) {
        actions.add(new RoutingAction(ActionKind.CREATE_TICKET, requireText(team, "team"), subject, firingRule));
    }

    public String getQueue() { return queue; }
    public Map<String, Integer> getSkills() { return skills; }
    public int getPriority() { return priority; }
    public String getStrategy() { return strategy; }
    public boolean isPreferLastAgent() { return preferLastAgent; }
    public List<RoutingAction> getActions() { return actions; }

    /** Set by the engine before each rule's consequence runs; not for rules. */
    public void firing(String rule) {
        this.firingRule = rule;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
