package io.kefu.api.workflow;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** The process a {@link ProcessAction} acts for: its variables, and the inputs the step maps for it. */
@ProviderType
public interface ActionContext {
    String processKey();

    String processInstanceId();

    /** What the process is about: a ticket id for a ticket's lifecycle, a conversation id for an agent's SOP. */
    String businessKey();

    /**
     * The engine's time, which is the time actions should use: timers fire by it, and tests set it (a controlled
     * clock) to move SLA timers without waiting.
     */
    java.time.Instant now();

    /** The BPMN element running the action. */
    String activityId();

    /**
     * The call's optional third argument, for actions that take one word:
     * {@code ${actions.run('ticket.status', execution, 'TRIAGE')}}; null when the call has none.
     */
    String argument();

    /** A variable as the step sees it: its own inputs first, then the process's variables; null when unset. */
    Object variable(String name);

    /** {@link #variable} as text, or {@code fallback} when unset or blank. */
    default String text(String name, String fallback) {
        Object value = variable(name);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    /** All variables the step sees. */
    Map<String, Object> variables();

    /** Sets a variable on the process instance, for later steps and gateways. */
    void setVariable(String name, Object value);

    /**
     * The database connection of the step's own transaction, on Kefu's store: what an action writes on it commits
     * with the step, or rolls back with it when the step fails (and is retried), so that a bundle's rows and the
     * process never disagree. Hand it to a session factory of {@code io.kefu.store.Store} ({@code
     * openSession(connection)}); never commit, roll back or close it. Rows another connection has locked are out
     * of reach for the step's length: do not wait on them from here.
     *
     * @since 1.1
     */
    java.sql.Connection connection();
}
