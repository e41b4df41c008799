package io.kefu.workflow.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.workflow}, in {@code conf/kefu.workflow.cfg}; read when the engine starts. */
@ObjectClassDefinition(name = "Kefu workflow", description = "The embedded Camunda engine")
@interface WorkflowConfig {
    @AttributeDefinition(description = "Run timers and asynchronous steps (SLA warnings, retries). Off only for"
            + " tests that drive jobs by hand.")
    boolean jobExecutor() default true;

    @AttributeDefinition(description = "Threads that run due jobs.", min = "1")
    int jobThreads() default 3;

    @AttributeDefinition(description = "Deploy the processes and forms in the bundle's processes/ folder at start"
            + " when they differ from the newest deployed ones.")
    boolean deployDefaults() default true;

    @AttributeDefinition(description = "How a failing step is retried before it becomes an incident (ISO-8601"
            + " repetitions: R3/PT1M is three more attempts a minute apart); a step may set its own.")
    String retryCycle() default "R3/PT1M";

    @AttributeDefinition(description = "How long finished processes stay in history (ISO-8601 days, P180D), for"
            + " processes that do not say.")
    String historyTimeToLive() default "P180D";
}
