package io.kefu.workflow.internal;

import io.kefu.api.agent.Agent;
import io.kefu.api.agent.Agents;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.workflow.InvalidTaskDataException;
import io.kefu.api.workflow.TaskAccessException;
import io.kefu.api.workflow.WorkTask;
import io.kefu.api.workflow.Workflows;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Processes as the rest of Kefu uses them: starting and steering instances, people's tasks with their forms and
 * who may complete them.
 */
@Component(service = {Workflows.class, WorkflowService.class})
public final class WorkflowService implements Workflows {
    private final WorkflowEngine engine;
    private final ProcessLibrary library;
    private final ProcessMetrics metrics;
    private volatile Agents agents;

    /** The engine is a service only once it runs with the folder's processes deployed ({@link WorkflowStart}). */
    @Activate
    public WorkflowService(@Reference WorkflowEngine engine, @Reference ProcessActions actions) {
        this.engine = engine;
        this.library = new ProcessLibrary(engine, actions);
        this.metrics = new ProcessMetrics(engine, library);
    }

    public ProcessMetrics metrics() {
        return metrics;
    }

    /** Teams decide who may take a team's task; without routing, only roles do. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAgents(Agents agents) {
        this.agents = agents;
    }

    void unsetAgents(Agents agents) {
        if (this.agents == agents) {
            this.agents = null;
        }
    }

    public ProcessLibrary library() {
        return library;
    }

    public WorkflowEngine engine() {
        return engine;
    }

    static Map<String, byte[]> folder(Bundle bundle) {
        Map<String, byte[]> files = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries("processes", "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath();
            if (path.endsWith(".bpmn") || path.endsWith(".form")) {
                try (InputStream in = entry.openStream()) {
                    files.put(path, in.readAllBytes());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + path, e);
                }
            }
        }
        return files;
    }

    @Override
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return engine.call(camunda -> {
            try {
                return camunda.getRuntimeService().startProcessInstanceByKey(processKey, businessKey,
                        new HashMap<>(variables)).getId();
            } catch (ProcessEngineException e) {
                // Only now look whether the process exists: starting is the frequent case, and the engine's start
                // by key reads the newest version itself.
                if (camunda.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                        .count() == 0) {
                    throw new NoSuchElementException("no process '" + processKey + "' is deployed");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<String> running(String processKey, String businessKey) {
        return engine.call(camunda -> camunda.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).list().stream()
                .map(ProcessInstance::getId).findFirst());
    }

    @Override
    public int signal(String processKey, String businessKey, String message, Map<String, Object> variables) {
        return engine.call(camunda -> {
            int received = 0;
            for (ProcessInstance instance : camunda.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).list()) {
                received += camunda.getRuntimeService().createMessageCorrelation(message)
                        .processInstanceId(instance.getId()).setVariables(new HashMap<>(variables))
                        .correlateAllWithResult().size();
            }
            return received;
        });
    }

    @Override
    public boolean signalInstance(String processInstanceId, String message, Map<String, Object> variables) {
        return engine.call(camunda -> !camunda.getRuntimeService().createMessageCorrelation(message)
                .processInstanceId(processInstanceId).setVariables(new HashMap<>(variables)).correlateAllWithResult()
                .isEmpty());
    }

    @Override
    public void completeStep(String processInstanceId, String activityId, Map<String, Object> values) {
        engine.run(camunda -> {
            // One query by instance and step, then the completion: no task read again, no access or form check.
            Task task = camunda.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(activityId).active().singleResult();
            if (task == null) {
                throw new NoSuchElementException("instance " + processInstanceId + " has no open step " + activityId);
            }
            camunda.getTaskService().complete(task.getId(), new HashMap<>(values));
        });
    }

    @Override
    public boolean moveTimer(String processInstanceId, String activityId, Instant due) {
        return engine.call(camunda -> {
            Job timer = camunda.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .activityId(activityId).timers().singleResult();
            if (timer == null) {
                return moveUnsavedTimer(processInstanceId, activityId, due);
            }
            camunda.getManagementService().setJobDuedate(timer.getId(), Date.from(due));
            return true;
        });
    }

    /**
     * Inside a step, an instance started in the same transaction (a ticket opened by a procedure, say) has its
     * timer only in the engine's cache until the transaction ends, where queries do not look: it is moved there.
     */
    private static boolean moveUnsavedTimer(String processInstanceId, String activityId, Instant due) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return false;
        }
        // Every cached entity, not the cache's lookup by type, which finds no TimerEntity in Camunda 7.24.
        for (var cached : command.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
            if (cached.getEntity() instanceof TimerEntity timer
                    && processInstanceId.equals(timer.getProcessInstanceId())
                    && activityId.equals(timer.getActivityId())) {
                timer.setDuedate(Date.from(due));
                return true;
            }
        }
        return false;
    }

    @Override
    public List<WorkTask> tasks(String businessKey) {
        return engine.call(camunda -> camunda.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .active().orderByTaskCreateTime().asc().list().stream().map(t -> workTask(camunda, t, businessKey))
                .toList());
    }

    /** Open tasks a person may work on: theirs, and unassigned ones of their groups. */
    public List<WorkTask> tasksFor(KefuUser user) {
        return engine.call(camunda -> {
            List<WorkTask> tasks = new ArrayList<>();
            for (Task task : camunda.getTaskService().createTaskQuery().active().or().taskAssignee(user.id())
                    .taskCandidateGroupIn(groups(user)).endOr().orderByTaskCreateTime().asc().listPage(0, 500)) {
                tasks.add(workTask(camunda, task));
            }
            return tasks;
        });
    }

    public Optional<WorkTask> task(String taskId) {
        return engine.call(camunda -> Optional.ofNullable(
                camunda.getTaskService().createTaskQuery().taskId(taskId).singleResult())
                .map(task -> workTask(camunda, task)));
    }

    /** The process variables a task's form starts from (plain values only). */
    public Map<String, Object> variables(String taskId) {
        return engine.call(camunda -> {
            Map<String, Object> plain = new LinkedHashMap<>();
            camunda.getTaskService().getVariables(taskId).forEach((name, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    plain.put(name, value);
                }
            });
            return plain;
        });
    }

    /** The form-js JSON of a task's form, or null when it has none. */
    public String form(String taskId) {
        return engine.call(camunda -> {
            Task task = camunda.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null || library.formRef(task.getProcessDefinitionId(), task.getTaskDefinitionKey()) == null) {
                return null;
            }
            try (InputStream in = camunda.getFormService().getDeployedTaskForm(taskId)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private WorkTask workTask(ProcessEngine camunda, Task task) {
        return workTask(camunda, task, null);
    }

    /** A task as Kefu shows it; {@code businessKey} when the caller knows it (else it is looked up). */
    private WorkTask workTask(ProcessEngine camunda, Task task, String knownBusinessKey) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : camunda.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        ProcessInfo process = library.byId(task.getProcessDefinitionId()).orElse(null);
        String businessKey = knownBusinessKey != null ? knownBusinessKey : camunda.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        return new WorkTask(task.getId(), task.getName(), process == null ? null : process.key(),
                process == null ? null : process.name(), task.getProcessInstanceId(), businessKey,
                task.getTaskDefinitionKey(), task.getAssignee(), groups,
                library.documentation(task.getProcessDefinitionId(), task.getTaskDefinitionKey()),
                library.formRef(task.getProcessDefinitionId(), task.getTaskDefinitionKey()),
                ProcessLibrary.instant(task.getCreateTime()), ProcessLibrary.instant(task.getDueDate()));
    }

    @Override
    public void assignTask(String taskId, String assigneeId) {
        engine.run(camunda -> {
            if (camunda.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
                throw new NoSuchElementException("no open task " + taskId);
            }
            camunda.getTaskService().setAssignee(taskId, assigneeId);
        });
    }

    @Override
    public void complete(String taskId, Map<String, Object> values, KefuUser actor) {
        engine.run(camunda -> {
            Task task = camunda.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                throw new NoSuchElementException("no open task " + taskId);
            }
            Map<String, Object> accepted = new HashMap<>();
            if (actor == null) {
                camunda.getTaskService().complete(taskId, values == null ? Map.of() : new HashMap<>(values));
                return;
            }
            checkAccess(camunda, task, actor);
            String form = form(taskId);
            if (form != null) {
                FormRules.Outcome outcome = FormRules.of(form).check(values);
                if (!outcome.errors().isEmpty()) {
                    throw new InvalidTaskDataException(outcome.errors());
                }
                accepted.putAll(outcome.values());
            }
            if (task.getAssignee() == null) {
                camunda.getTaskService().setAssignee(taskId, actor.id());
            }
            accepted.put("completedBy", actor.id());
            camunda.getTaskService().complete(taskId, accepted);
        });
    }

    /**
     * Whether {@code user} may see a task (its form and the process's variables): those who may complete it, and
     * supervisors and admins, who oversee and reassign.
     */
    public boolean maySee(String taskId, KefuUser user) {
        if (user.hasAnyRole(Set.of(Role.SUPERVISOR, Role.ADMIN))) {
            return true;
        }
        return engine.call(camunda -> {
            Task task = camunda.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return false;
            }
            try {
                checkAccess(camunda, task, user);
                return true;
            } catch (TaskAccessException e) {
                return false;
            }
        });
    }

    private void checkAccess(ProcessEngine camunda, Task task, KefuUser actor) {
        if (task.getAssignee() != null) {
            if (!task.getAssignee().equals(actor.id())) {
                throw new TaskAccessException("the task '" + task.getName() + "' is someone else's");
            }
            return;
        }
        List<String> candidates = new ArrayList<>();
        for (IdentityLink link : camunda.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                candidates.add(link.getGroupId() != null ? link.getGroupId() : "user:" + link.getUserId());
            }
        }
        if (candidates.isEmpty()) {
            if (!actor.hasAnyRole(Set.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN))) {
                throw new TaskAccessException("only agents and supervisors work on tasks");
            }
            return;
        }
        for (String group : groups(actor)) {
            if (candidates.contains(group)) {
                return;
            }
        }
        if (candidates.contains("user:" + actor.id())) {
            return;
        }
        throw new TaskAccessException("the task '" + task.getName() + "' is for " + String.join(", ", candidates));
    }

    /** A person's groups for tasks: their roles (AGENT, SUPERVISOR, ...) and their teams. */
    private List<String> groups(KefuUser user) {
        List<String> groups = new ArrayList<>();
        for (Role role : user.roles()) {
            groups.add(role.name());
        }
        Agents directory = agents;
        if (directory != null) {
            directory.find(user.id()).map(Agent::teamIds).ifPresent(groups::addAll);
        }
        return groups;
    }

    @Override
    public void setVariables(String processInstanceId, Map<String, Object> variables) {
        engine.run(camunda -> camunda.getRuntimeService().setVariables(processInstanceId, new HashMap<>(variables)));
    }

    @Override
    public void cancel(String processKey, String businessKey, String reason) {
        engine.run(camunda -> {
            for (ProcessInstance instance : camunda.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).list()) {
                camunda.getRuntimeService().deleteProcessInstance(instance.getId(), reason);
            }
        });
    }
}
