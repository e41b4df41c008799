package io.kefu.api.workflow;

import io.kefu.api.security.KefuUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Starting and steering processes from other bundles. Processes are named by the id of their BPMN process
 * ({@code ticket-lifecycle}); the newest deployed version starts, and running instances keep theirs.
 */
@ProviderType
public interface Workflows {
    /**
     * Starts the newest version of {@code processKey} for {@code businessKey} and returns the instance id.
     *
     * @throws java.util.NoSuchElementException when no such process is deployed
     */
    String start(String processKey, String businessKey, Map<String, Object> variables);

    /** The running instance of {@code processKey} for {@code businessKey}, if any. */
    Optional<String> running(String processKey, String businessKey);

    /**
     * Delivers a BPMN message to the instances of {@code processKey} for {@code businessKey} waiting for it, and
     * answers how many received it (0 when none waits: the message is not kept).
     */
    int signal(String processKey, String businessKey, String message, Map<String, Object> variables);

    /** Open user tasks of the instances for {@code businessKey}, oldest first. */
    List<WorkTask> tasks(String businessKey);

    /** Gives a task to a person (a user id), or back to its candidate groups with null. */
    void assignTask(String taskId, String assigneeId);

    /**
     * Completes a task with the values of its form, checked against the form first. With a null {@code actor},
     * Kefu itself completes it (a ticket moved on from its own screen, whose access was checked there): neither
     * the assignee nor the form is checked.
     *
     * @throws TaskAccessException when {@code actor} may not complete it
     * @throws InvalidTaskDataException when the values break the form's rules
     * @throws java.util.NoSuchElementException when no such open task exists
     */
    void complete(String taskId, Map<String, Object> values, KefuUser actor);

    /** Sets variables of a running instance, for the steps still to come (a ticket's new assignee, say). */
    void setVariables(String processInstanceId, Map<String, Object> variables);

    /** Ends the running instances for {@code businessKey} of {@code processKey} (a ticket closed by hand, say). */
    void cancel(String processKey, String businessKey, String reason);
}
