package io.kefu.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.customer.Customer;
import io.kefu.api.customer.Customers;
import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.Understanding;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.api.workflow.InvalidTaskDataException;
import io.kefu.api.workflow.TaskAccessException;
import io.kefu.api.workflow.WorkTask;
import io.kefu.web.ApiException;
import io.kefu.web.Authenticated;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * Guided procedures (SOPs) beside a conversation, and people's tasks with their forms, at {@code /api/workflow}.
 * An SOP's business key is its conversation, and it starts with the conversation's facts as variables:
 * {@code conversationId, customerId, customerName, channel, intent, starter} and the dialogue's slots in camelCase
 * ({@code order_number} becomes {@code orderNumber}).
 */
@Component(service = ProcedureResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/workflow")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ProcedureResource {
    /** Slots SOPs read even when the dialogue has not filled them, so that their expressions always resolve. */
    private static final List<String> KNOWN_SLOTS = List.of("orderNumber", "trackingNumber", "accountId");

    private final WorkflowService workflows;
    private final Conversations conversations;
    /**
     * Optional and dynamic: a static reference would re-register this resource whenever they come later than it,
     * and the REST whiteboard can miss such a quick re-registration.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Understanding understanding;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Customers customers;

    @Activate
    public ProcedureResource(@Reference WorkflowService workflows, @Reference Conversations conversations) {
        this.workflows = workflows;
        this.conversations = conversations;
    }

    public record Sop(String key, String name, String title, List<String> intents) {
    }

    public record Suggestion(String key, String name, String title, String intent) {
    }

    public record TaskView(String id, String name, String processKey, String processName, String processInstanceId,
            String businessKey, String activityId, String assigneeId, List<String> candidateGroups,
            String instructions, String formId, JsonNode form, Map<String, Object> variables, Instant createdAt,
            Instant dueAt) {
    }

    public record Procedure(String instanceId, String key, String name, String title, int version, Instant startedAt,
            Instant endedAt, List<TaskView> tasks) {
    }

    public record ConversationProcedures(String intent, List<Suggestion> suggested, List<Procedure> running,
            List<Procedure> finished) {
    }

    public record StartBody(String key) {
    }

    public record CompleteBody(Map<String, Object> values) {
    }

    public record FieldRefusal(String code, String message, Map<String, String> fieldErrors) {
    }

    @GET
    @Path("/sops")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public List<Sop> sops() {
        return workflows.library().latest().stream().filter(ProcessInfo::sop)
                .map(p -> new Sop(p.key(), p.name(), p.title(), p.intents())).toList();
    }

    @GET
    @Path("/conversations/{id}/sops")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public ConversationProcedures procedures(@PathParam("id") String conversationId) {
        conversation(conversationId);
        String intent = intent(conversationId);
        List<Procedure> running = new ArrayList<>();
        List<Procedure> finished = new ArrayList<>();
        Set<String> runningKeys = new HashSet<>();
        workflows.engine().run(camunda -> {
            for (ProcessInstance instance : camunda.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(conversationId).list()) {
                ProcessInfo process = workflows.library().byId(instance.getProcessDefinitionId()).orElse(null);
                if (process == null || !process.sop()) {
                    continue;
                }
                HistoricProcessInstance history = camunda.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId()).singleResult();
                List<TaskView> tasks = workflows.tasks(conversationId).stream()
                        .filter(t -> t.processInstanceId().equals(instance.getId())).map(this::view).toList();
                running.add(new Procedure(instance.getId(), process.key(), process.name(), process.title(),
                        process.version(), history == null ? null : ProcessLibrary.instant(history.getStartTime()),
                        null, tasks));
                runningKeys.add(process.key());
            }
            for (HistoricProcessInstance instance : camunda.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(conversationId).finished().orderByProcessInstanceEndTime().desc()
                    .listPage(0, 20)) {
                ProcessInfo process = workflows.library().byId(instance.getProcessDefinitionId()).orElse(null);
                if (process != null && process.sop()) {
                    finished.add(new Procedure(instance.getId(), process.key(), process.name(), process.title(),
                            process.version(), ProcessLibrary.instant(instance.getStartTime()),
                            ProcessLibrary.instant(instance.getEndTime()), List.of()));
                }
            }
        });
        List<Suggestion> suggested = new ArrayList<>();
        if (intent != null) {
            for (ProcessInfo process : workflows.library().latest()) {
                if (process.sop() && process.intents().contains(intent) && !runningKeys.contains(process.key())) {
                    suggested.add(new Suggestion(process.key(), process.name(), process.title(), intent));
                }
            }
        }
        return new ConversationProcedures(intent, suggested, running, finished);
    }

    @POST
    @Path("/conversations/{id}/sops")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public Response start(@PathParam("id") String conversationId, StartBody body, @Context SecurityContext security) {
        KefuUser user = (KefuUser) security.getUserPrincipal();
        Conversation conversation = conversation(conversationId);
        if (body == null || body.key() == null) {
            throw ApiException.badRequest("sop.missing", "Name the procedure to start as 'key'");
        }
        ProcessInfo process = workflows.library().latest().stream().filter(p -> p.key().equals(body.key())).findFirst()
                .orElseThrow(() -> ApiException.notFound("sop.unknown", "No procedure '" + body.key() + "'"));
        if (!process.sop()) {
            throw ApiException.badRequest("sop.not_a_procedure", "'" + body.key() + "' is not an agent procedure");
        }
        if (workflows.running(process.key(), conversationId).isPresent()) {
            throw ApiException.conflict("sop.running", "'" + process.name() + "' is already running for this conversation");
        }
        String instanceId = workflows.start(process.key(), conversationId, variables(conversation, user));
        return Response.status(Response.Status.CREATED).entity(procedures(conversationId).running().stream()
                .filter(p -> p.instanceId().equals(instanceId)).findFirst()
                .orElse(new Procedure(instanceId, process.key(), process.name(), process.title(), process.version(),
                        Instant.now(), Instant.now(), List.of()))).build();
    }

    private Map<String, Object> variables(Conversation conversation, KefuUser user) {
        Map<String, Object> variables = new HashMap<>();
        for (String slot : KNOWN_SLOTS) {
            variables.put(slot, null);
        }
        variables.put("conversationId", conversation.id());
        variables.put("customerId", conversation.customerId());
        variables.put("channel", conversation.channel());
        variables.put("starter", user.id());
        variables.put("starterName", user.displayName());
        Customers directory = customers;
        if (directory != null && conversation.customerId() != null) {
            directory.find(conversation.customerId()).map(Customer::displayName)
                    .ifPresent(name -> variables.put("customerName", name));
        }
        Understanding nlu = understanding;
        if (nlu != null) {
            nlu.state(conversation.id()).ifPresent(state -> {
                variables.put("intent", state.intent());
                state.slots().forEach((slot, value) -> variables.put(camel(slot), value));
            });
        }
        return variables;
    }

    static String camel(String slot) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : slot.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The conversation's intent: the dialogue's, else the latest understood message's. */
    private String intent(String conversationId) {
        Understanding nlu = understanding;
        if (nlu == null) {
            return null;
        }
        String intent = nlu.state(conversationId).map(DialogueState::intent).orElse(null);
        if (intent == null) {
            List<NluResult> results = nlu.results(conversationId);
            for (int i = results.size() - 1; i >= 0 && intent == null; i--) {
                if (results.get(i).intent() != null) {
                    intent = results.get(i).intent().outOfScope() ? null : results.get(i).intent().intent();
                }
            }
        }
        return intent == null ? null : intent.toLowerCase(Locale.ROOT);
    }

    private Conversation conversation(String conversationId) {
        return conversations.find(conversationId).orElseThrow(() -> ApiException.notFound("conversation.unknown",
                "No conversation " + conversationId));
    }

    // ------------------------------------------------------------------ tasks

    @GET
    @Path("/tasks")
    @Authenticated
    public List<TaskView> tasks(@Context SecurityContext security) {
        return workflows.tasksFor((KefuUser) security.getUserPrincipal()).stream().map(this::view).toList();
    }

    @GET
    @Path("/tasks/{id}")
    @Authenticated
    public TaskView task(@PathParam("id") String taskId, @Context SecurityContext security) {
        if (!workflows.maySee(taskId, (KefuUser) security.getUserPrincipal())
                && workflows.task(taskId).isPresent()) {
            throw new ApiException(403, "task.forbidden", "The task " + taskId + " is someone else's");
        }
        return view(workflows.task(taskId).orElseThrow(() -> ApiException.notFound("task.unknown",
                "No open task " + taskId)));
    }

    @POST
    @Path("/tasks/{id}/complete")
    @Authenticated
    public Response complete(@PathParam("id") String taskId, CompleteBody body, @Context SecurityContext security) {
        try {
            workflows.complete(taskId, body == null || body.values() == null ? Map.of() : body.values(),
                    (KefuUser) security.getUserPrincipal());
            return Response.noContent().build();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("task.unknown", "No open task " + taskId + " (done already?)");
        } catch (TaskAccessException e) {
            throw new ApiException(403, "task.forbidden", e.getMessage());
        } catch (InvalidTaskDataException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new FieldRefusal("task.invalid", "Some fields need another look", e.fieldErrors())).build();
        }
    }

    private TaskView view(WorkTask task) {
        String form = task.formId() == null ? null : workflows.form(task.id());
        return new TaskView(task.id(), task.name(), task.processKey(), task.processName(), task.processInstanceId(),
                task.businessKey(), task.activityId(), task.assigneeId(), task.candidateGroups(), task.instructions(),
                task.formId(), form == null ? null : WorkflowResource.json(form), workflows.variables(task.id()),
                task.createdAt(), task.dueAt());
    }
}
