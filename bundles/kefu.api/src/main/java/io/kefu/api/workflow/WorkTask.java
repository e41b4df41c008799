package io.kefu.api.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A step a person carries out: a user task of a process. {@code instructions} is the step's BPMN documentation and
 * {@code formId} the id of its form (form-js JSON), or null when it has none.
 */
public record WorkTask(String id, String name, String processKey, String processName, String processInstanceId,
        String businessKey, String activityId, String assigneeId, List<String> candidateGroups, String instructions,
        String formId, Instant createdAt, Instant dueAt) {
    public WorkTask {
        candidateGroups = List.copyOf(candidateGroups);
    }
}
