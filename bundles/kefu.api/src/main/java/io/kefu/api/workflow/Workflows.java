package io.kefu.api.workflow;

import io.kefu.api.security.KefuUser;
import java.time.Instant;
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

    /**
     * Delivers a BPMN message to one instance, when it waits for it, and answers whether it did. Cheaper than
     * {@link #signal(String, String, String, Map)} for a caller that kept the instance id (a ticket keeps its
     * lifecycle's).
     *
     * @since 1.1
     */
    boolean signalInstance(String processInstanceId, String message, Map<String, Object> variables);

    /**
     * Completes the open user task at {@code activityId} of an instance as Kefu itself (no assignee or form check,
     * as {@link #complete} with a null actor): for a bundle that moves its own process on (a ticket's work step).
     *
     * @throws java.util.NoSuchElementException when the instance has no open task there
     * @since 1.1
     */
    void completeStep(String processInstanceId, String activityId, Map<String, Object> values);

    /**
     * Moves the timer an instance waits on at {@code activityId} (an intermediate timer event) to {@code due}, and
     * answers whether there was one. Called from within a process's step, the move joins that step's transaction.
     *
     * @since 1.1
     */
    boolean moveTimer(String processInstanceId, String activityId, Instant due);

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
