package io.kefu.routing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code kefu.routing}, in {@code conf/kefu.routing.cfg}; applied while running, except
 * {@code waitingCheckSeconds}, which takes effect when routing next starts.
 */
@ObjectClassDefinition(name = "Kefu routing", description = "How conversations reach agents")
@interface RoutingConfig {
    @AttributeDefinition(description = "The queue a conversation goes to when no rule chose one, or when the rules"
            + " failed.")
    String defaultQueue() default "general";

    @AttributeDefinition(description = "Most rule firings for one decision; more means the rules loop, and the"
            + " decision falls back to the default queue (a draft that loops is refused).", min = "10")
    int fireLimit() default 1000;

    @AttributeDefinition(description = "Seconds between looks at waiting conversations (waiting-time rules).",
            min = "1")
    int waitingCheckSeconds() default 5;

    @AttributeDefinition(description = "Business hours, HH:mm-HH:mm in the time zone below (24:00 for the end of the"
            + " day).")
    String businessHours() default "09:00-18:00";

    @AttributeDefinition(description = "Business days, comma-separated, 1 = Monday ... 7 = Sunday.")
    String businessDays() default "1,2,3,4,5";

    @AttributeDefinition(description = "The company's time zone, for business hours and the rules' Now fact.")
    String timeZone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Most recorded decisions one simulation replays.", min = "1")
    int simulationMaxDecisions() default 20000;

    @AttributeDefinition(description = "Capacity of a new agent per channel, channel:count (* for any other).")
    String[] defaultCapacity() default {"webchat:5", "webhook:5", "email:10", "voice:1", "*:3"};
}
