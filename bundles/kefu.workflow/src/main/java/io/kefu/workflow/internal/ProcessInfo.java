package io.kefu.workflow.internal;

import java.time.Instant;
import java.util.List;

/**
 * One deployed version of a process. {@code sop} marks agents' guided procedures, which {@code intents} suggest;
 * {@code title} is the Chinese title an SOP may carry ({@code kefu.title.zh}), or null.
 */
public record ProcessInfo(String id, String key, String name, int version, String deploymentId, String source,
        Instant deployedAt, boolean sop, List<String> intents, String title) {
    public ProcessInfo {
        intents = List.copyOf(intents);
    }
}
