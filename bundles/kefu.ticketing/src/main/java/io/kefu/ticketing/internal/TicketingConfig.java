package io.kefu.ticketing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.ticketing}, in {@code conf/kefu.ticketing.cfg}; read when ticketing starts. */
@ObjectClassDefinition(name = "Kefu ticketing", description = "Tickets, their lifecycle and SLAs")
@interface TicketingConfig {
    @AttributeDefinition(description = "The team a ticket goes to when nobody chose one.")
    String defaultTeam() default "support";

    @AttributeDefinition(description = "A resolved ticket closes by itself after this long without news from the"
            + " customer (ISO-8601 duration).")
    String autoCloseAfter() default "P7D";

    @AttributeDefinition(description = "Make every new email conversation a ticket.")
    boolean ticketsFromEmail() default true;

    @AttributeDefinition(description = "SLA policies file (YAML); empty for the one in the bundle"
            + " (processes/sla-policies.yaml of the repository).")
    String slaPolicies() default "";
}
