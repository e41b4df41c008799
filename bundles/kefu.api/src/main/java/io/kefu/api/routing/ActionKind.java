package io.kefu.api.routing;

/**
 * What a rule asked for beyond choosing a queue. Routing carries out ASSIGN and ESCALATE (they move the
 * conversation), NOTIFY (an alert on the supervisors' board and to every notifier) and TAG_CUSTOMER (through
 * {@link io.kefu.api.customer.Customers}, owned by the conversation bundle). Every action is also posted as a
 * {@link RoutingEvents#ACTION} event: CREATE_TICKET is carried out by the bundle that owns tickets.
 */
public enum ActionKind {
    ASSIGN, ESCALATE, NOTIFY, TAG_CUSTOMER, CREATE_TICKET
}
