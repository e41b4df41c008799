package io.kefu.routing.internal;

import io.kefu.routing.facts.Contact;
import io.kefu.routing.facts.CustomerProfile;
import io.kefu.routing.facts.Now;
import io.kefu.routing.facts.QueueLoad;
import java.util.List;

/**
 * Everything the rules see for one decision. Recorded with the decision as JSON, so that a draft rule set can be
 * simulated later on exactly what the published one saw.
 */
public record RoutingFacts(Contact contact, CustomerProfile customer, Now now, List<QueueLoad> queues) {
    public RoutingFacts {
        queues = queues == null ? List.of() : List.copyOf(queues);
        customer = customer == null ? new CustomerProfile() : customer;
        now = now == null ? new Now() : now;
    }
}
