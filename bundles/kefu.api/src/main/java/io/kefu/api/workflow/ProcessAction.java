package io.kefu.api.workflow;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a BPMN service task does, contributed by any bundle as a service (the whiteboard pattern): a process calls
 * it by name with {@code ${actions.run('ticket.create', execution)}}. It runs inside the engine's transaction, on
 * the thread that moved the process (a person's request or the job executor); an exception fails the step, which the
 * engine retries and then reports as an incident an admin can retry.
 */
@ConsumerType
public interface ProcessAction {
    /** The name processes call it by, dotted by owner: {@code ticket.create}, {@code customer.message}. */
    String name();

    void execute(ActionContext context) throws Exception;
}
