package io.kefu.workflow.internal;

import io.kefu.api.workflow.ActionContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** What an action sees of the execution that called it. */
final class ExecutionContext implements ActionContext {
    private final DelegateExecution execution;
    private final String argument;

    ExecutionContext(DelegateExecution execution, String argument) {
        this.execution = execution;
        this.argument = argument;
    }

    @Override
    public java.time.Instant now() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public String argument() {
        return argument;
    }

    @Override
    public String processKey() {
        String definitionId = execution.getProcessDefinitionId();
        // Definition ids are "key:version:id"; the key is what processes are named by in Kefu.
        return definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
    }

    @Override
    public String processInstanceId() {
        return execution.getProcessInstanceId();
    }

    @Override
    public String businessKey() {
        return execution.getProcessBusinessKey();
    }

    @Override
    public String activityId() {
        return execution.getCurrentActivityId();
    }

    @Override
    public Object variable(String name) {
        return execution.getVariable(name);
    }

    @Override
    public Map<String, Object> variables() {
        Map<String, Object> visible = new HashMap<>();
        execution.getVariables().forEach((name, value) -> {
            if (value != null) {
                visible.put(name, value);
            }
        });
        return Collections.unmodifiableMap(visible);
    }

    @Override
    public void setVariable(String name, Object value) {
        // On the process instance, so that later steps and gateways see it whatever scope this step has.
        execution.getProcessInstance().setVariable(name, value);
    }

    @Override
    public java.sql.Connection connection() {
        // The connection of the engine's command running this step (its MyBatis session opens it on first use).
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("not inside a process step");
        }
        return command.getDbSqlSession().getSqlSession().getConnection();
    }
}
