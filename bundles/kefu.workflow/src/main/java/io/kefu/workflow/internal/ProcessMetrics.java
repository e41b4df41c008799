package io.kefu.workflow.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Where processes spend their time, from the engine's history: per process, instances started, completed and
 * running in a period with the average and 90th-percentile duration of the completed ones; per step (tasks and
 * the events a process waits on), the same durations, which show the bottlenecks.
 */
public final class ProcessMetrics {
    /** At most this many finished instances (and steps) per process are read for the durations. */
    static final int SAMPLE = 20_000;
    private static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "sendTask", "receiveTask",
            "scriptTask", "businessRuleTask", "task", "manualTask", "callActivity", "subProcess",
            "intermediateMessageCatch", "intermediateTimer", "intermediateSignalCatch");

    private final WorkflowEngine engine;
    private final ProcessLibrary library;

    public ProcessMetrics(WorkflowEngine engine, ProcessLibrary library) {
        this.engine = engine;
        this.library = library;
    }

    public record Step(String activityId, String name, String type, long count, long avgMillis, long p90Millis) {
    }

    public record Process(String key, String name, long started, long completed, long running, long avgMillis,
            long p90Millis, List<Step> steps) {
    }

    public record Report(Instant from, Instant to, List<Process> processes) {
    }

    public Report report(Instant from, Instant to) {
        List<Process> processes = new ArrayList<>();
        for (ProcessInfo latest : library.latest()) {
            processes.add(engine.call(camunda -> process(camunda.getHistoryService(), latest, from, to)));
        }
        return new Report(from, to, processes);
    }

    private Process process(HistoryService history, ProcessInfo latest, Instant from, Instant to) {
        Date start = Date.from(from);
        Date end = Date.from(to);
        long started = history.createHistoricProcessInstanceQuery().processDefinitionKey(latest.key())
                .startedAfter(start).startedBefore(end).count();
        long running = history.createHistoricProcessInstanceQuery().processDefinitionKey(latest.key())
                .startedAfter(start).startedBefore(end).unfinished().count();
        List<Long> durations = new ArrayList<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(latest.key()).finishedAfter(start).finishedBefore(end).listPage(0, SAMPLE)) {
            if (instance.getDurationInMillis() != null) {
                durations.add(instance.getDurationInMillis());
            }
        }
        long completed = history.createHistoricProcessInstanceQuery().processDefinitionKey(latest.key())
                .finishedAfter(start).finishedBefore(end).count();
        Map<String, List<Long>> byStep = new LinkedHashMap<>();
        Map<String, HistoricActivityInstance> examples = new LinkedHashMap<>();
        for (ProcessInfo version : library.versions(latest.key())) {
            for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                    .processDefinitionId(version.id()).finished().startedAfter(start).startedBefore(end)
                    .listPage(0, SAMPLE)) {
                if (!STEP_TYPES.contains(step.getActivityType()) || step.getDurationInMillis() == null) {
                    continue;
                }
                byStep.computeIfAbsent(step.getActivityId(), id -> new ArrayList<>()).add(step.getDurationInMillis());
                examples.putIfAbsent(step.getActivityId(), step);
            }
        }
        List<Step> steps = new ArrayList<>();
        byStep.forEach((id, times) -> {
            HistoricActivityInstance example = examples.get(id);
            steps.add(new Step(id, example.getActivityName() == null ? id : example.getActivityName(),
                    example.getActivityType(), times.size(), average(times), percentile(times, 0.9)));
        });
        steps.sort(Comparator.comparingLong(Step::p90Millis).reversed());
        return new Process(latest.key(), latest.name(), started, completed, running, average(durations),
                percentile(durations, 0.9), steps);
    }

    static long average(List<Long> values) {
        return values.isEmpty() ? 0 : Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    /** The nearest-rank percentile. */
    static long percentile(List<Long> values, double share) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
