package io.kefu.api.routing;

import java.util.Objects;

/**
 * One action a rule emitted. {@code target} is what it acts on: the agent (ASSIGN), the queue (ESCALATE), who to
 * tell (NOTIFY: a team id or "supervisors"), the tag (TAG_CUSTOMER) or the team that owns the ticket
 * (CREATE_TICKET); {@code detail} is the human-readable reason or subject; {@code rule} names the rule.
 */
public record RoutingAction(ActionKind kind, String target, String detail, String rule) {
    public RoutingAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        detail = detail == null ? "" : detail;
        rule = rule == null ? "" : rule;
    }
}
