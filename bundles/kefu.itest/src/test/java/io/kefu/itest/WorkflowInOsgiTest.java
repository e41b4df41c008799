package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import io.kefu.api.ticket.Tickets;
import io.kefu.api.workflow.ActionContext;
import io.kefu.api.workflow.InvalidTaskDataException;
import io.kefu.api.workflow.ProcessAction;
import io.kefu.api.workflow.TaskAccessException;
import io.kefu.api.workflow.WorkTask;
import io.kefu.api.workflow.Workflows;
import io.kefu.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.osgi.framework.ServiceRegistration;

/**
 * kefu.workflow inside Felix with the real bundles on the run's database: the embedded Camunda engine keeps the
 * default processes in Kefu's own tables; an agent's guided procedure (refund-request) checks its form on the
 * server, lets only its agent work on it, and opens a ticket for the conversation on the job executor; and a step
 * whose action (contributed by this test bundle on the whiteboard) keeps failing becomes an incident that an
 * admin's retry over REST resumes.
 */
@KefuItest
class WorkflowInOsgiTest {
    /** Generous for the build machine's 2 shared cores: the steps themselves take milliseconds. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> DEFAULT_PROCESSES = Set.of("ticket-lifecycle", "refund-request",
            "delivery-complaint", "account-unlock", "invoice-reissue");
    private static final Set<String> SOPS = Set.of("refund-request", "delivery-complaint", "account-unlock",
            "invoice-reissue");

    @Test
    void theDefaultProcessesAreDeployedInTheRunsDatabase() throws SQLException {
        Osgi.service(Workflows.class);
        // Camunda's own tables, in the database the store runs on (H2 or MariaDB for this run).
        Set<String> keys = new TreeSet<>();
        try (Connection connection = Osgi.service(Store.class).dataSource().getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT KEY_ FROM ACT_RE_PROCDEF")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            connection.rollback();
        }
        assertTrue(keys.containsAll(DEFAULT_PROCESSES), "deployed: " + keys);

        String token = KefuHttp.adminToken();
        KefuHttp.Answer processes = KefuHttp.awaitServed("GET /api/workflow/processes",
                () -> KefuHttp.get("/api/workflow/processes", token),
                () -> Osgi.component("kefu.workflow", "io.kefu.workflow.internal.WorkflowResource"));
        assertEquals(200, processes.status(), processes.body());
        Map<String, JsonNode> byKey = new HashMap<>();
        processes.json().forEach(p -> byKey.put(p.get("key").asText(), p));
        assertTrue(byKey.keySet().containsAll(DEFAULT_PROCESSES), "listed: " + byKey.keySet());
        for (String key : DEFAULT_PROCESSES) {
            JsonNode process = byKey.get(key);
            assertEquals(SOPS.contains(key), process.get("sop").asBoolean(), key + " as an SOP: " + process);
            assertTrue(process.get("version").asInt() >= 1, process.toString());
        }
        JsonNode refund = byKey.get("refund-request");
        assertEquals("退款申请", refund.get("title").asText());
        assertEquals(List.of("refund", "return"), strings(refund.get("intents")));

        KefuHttp.Answer sops = KefuHttp.awaitServed("GET /api/workflow/sops",
                () -> KefuHttp.get("/api/workflow/sops", token), WorkflowInOsgiTest::procedureResource);
        assertEquals(200, sops.status(), sops.body());
        Set<String> sopKeys = new TreeSet<>();
        sops.json().forEach(s -> sopKeys.add(s.get("key").asText()));
        assertEquals(new TreeSet<>(SOPS), sopKeys);

        assertThrows(NoSuchElementException.class,
                () -> Osgi.service(Workflows.class).start("itest-never-deployed", "x", Map.of()));
    }

    @Test
    void aRefundProcedureChecksItsFormAndOpensATicketForTheConversationOnTheJobExecutor() {
        Workflows workflows = Osgi.service(Workflows.class);
        Tickets tickets = Osgi.service(Tickets.class);
        Conversations conversations = Osgi.service(Conversations.class);
        Conversation conversation = conversations.find(webchat(Osgi.service(MessageIngest.class),
                "收到的杯子是碎的，我要退款")).orElseThrow();
        KefuUser agent = person("退款测试坐席", Role.AGENT);
        KefuUser otherAgent = person("另一位坐席", Role.AGENT);

        // What the workbench's "start a procedure" hands the engine (see ProcedureResource in kefu.workflow).
        Map<String, Object> variables = new HashMap<>();
        variables.put("orderNumber", null);
        variables.put("conversationId", conversation.id());
        variables.put("customerId", conversation.customerId());
        variables.put("channel", conversation.channel());
        variables.put("starter", agent.id());
        variables.put("starterName", agent.displayName());
        String instance = workflows.start("refund-request", conversation.id(), variables);
        assertEquals(Optional.of(instance), workflows.running("refund-request", conversation.id()));

        WorkTask check = task(workflows, conversation.id(), instance);
        assertEquals("checkOrder", check.activityId());
        assertEquals("refund-request", check.processKey());
        assertEquals(conversation.id(), check.businessKey());
        assertEquals(agent.id(), check.assigneeId());
        assertEquals("refund-check", check.formId());
        assertTrue(check.instructions() != null && check.instructions().contains("7-day"), check.instructions());

        InvalidTaskDataException invalid = assertThrows(InvalidTaskDataException.class, () -> workflows.complete(
                check.id(), Map.of("orderNumber", "订单?", "reason", "lost_in_space", "eligible", true), agent));
        assertEquals("required", invalid.fieldErrors().get("amount"), invalid.fieldErrors().toString());
        assertEquals(Set.of("orderNumber", "amount", "reason"), invalid.fieldErrors().keySet());

        Map<String, Object> valid = Map.of("orderNumber", "E20261121000777", "amount", 199.5, "reason", "damaged",
                "eligible", true);
        assertThrows(TaskAccessException.class, () -> workflows.complete(check.id(), valid, otherAgent));
        assertEquals(check.id(), task(workflows, conversation.id(), instance).id(), "still open after both refusals");

        workflows.complete(check.id(), valid, agent);
        // createTicket is asynchronous: the job executor runs ticket.create, which links the ticket to the conversation.
        AtomicReference<Ticket> created = new AtomicReference<>();
        Osgi.await(WAIT, "a refund ticket linked to conversation " + conversation.id(), () -> {
            created.set(tickets.forConversation(conversation.id()).stream().filter(t -> "refund".equals(t.type()))
                    .findFirst().orElse(null));
            return created.get() != null;
        });
        Ticket ticket = created.get();
        assertEquals("Refund for order E20261121000777", ticket.subject());
        assertEquals("finance", ticket.teamId());
        assertEquals(Priority.NORMAL, ticket.priority());
        assertEquals(conversation.customerId(), ticket.customerId());
        assertEquals(List.of(conversation.id()), ticket.conversationIds());
        assertEquals("refund-request", ticket.customFields().get("procedure"));
        assertEquals("E20261121000777", ticket.customFields().get("orderNumber"));
        assertEquals("199.5", ticket.customFields().get("amount"));
        // The lifecycle starts inside the job's transaction, and its first step writes the status in a transaction
        // of ticketing's own, committed first: the instance shows once the job commits.
        Osgi.await(WAIT, "ticket #" + ticket.id() + " in triage, its lifecycle running",
                () -> tickets.find(ticket.id()).orElseThrow().status() == TicketStatus.TRIAGE
                        && workflows.running("ticket-lifecycle", ticket.id()).isPresent());

        // The next asynchronous step told the customer, with the ticket's number, and the agent confirms.
        Osgi.await(WAIT, "the customer told about ticket #" + ticket.id(), () -> conversations
                .messages(conversation.id(), 0, 100).stream().anyMatch(m -> m.direction() == MessageDirection.OUTBOUND
                        && m.body().contains("(ticket #" + ticket.id() + ")")));
        AtomicReference<WorkTask> confirm = new AtomicReference<>();
        Osgi.await(WAIT, "the task to confirm with the customer", () -> {
            confirm.set(workflows.tasks(conversation.id()).stream()
                    .filter(t -> t.processInstanceId().equals(instance) && "confirm".equals(t.activityId()))
                    .findFirst().orElse(null));
            return confirm.get() != null;
        });
        workflows.complete(confirm.get().id(), Map.of("customerAgrees", true, "note", "客户已确认"), agent);
        assertEquals(Optional.empty(), workflows.running("refund-request", conversation.id()));
        assertEquals(1, tickets.forConversation(conversation.id()).stream().filter(t -> "refund".equals(t.type()))
                .count(), "one refund ticket");
    }

    @Test
    void aFailingStepBecomesAnIncidentAndAnAdminsRetryResumesIt() throws IOException {
        Workflows workflows = Osgi.service(Workflows.class);
        String token = KefuHttp.adminToken();
        FlakyAction flaky = new FlakyAction();
        ServiceRegistration<ProcessAction> registration = Osgi.context().registerService(ProcessAction.class, flaky,
                null);
        try {
            String bpmn;
            try (InputStream in = WorkflowInOsgiTest.class.getResourceAsStream("/workflow/itest-flaky.bpmn")) {
                assertNotNull(in, "workflow/itest-flaky.bpmn in the test bundle");
                bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            KefuHttp.Answer deployed = KefuHttp.awaitServed("POST /api/workflow/deployments",
                    () -> KefuHttp.post("/api/workflow/deployments", token, Map.of("bpmn", bpmn, "forms", Map.of())));
            assertEquals(201, deployed.status(), deployed.body());
            assertEquals("itest-flaky", deployed.json().get("key").asText());
            // The action is found on the whiteboard, so the deployment has nothing to warn about.
            assertEquals(0, deployed.json().path("warnings").size(), deployed.body());
            int version = deployed.json().get("version").asInt();

            String businessKey = "itest-flaky-" + UUID.randomUUID();
            String instance = workflows.start("itest-flaky", businessKey, Map.of());
            AtomicReference<JsonNode> incident = new AtomicReference<>();
            Osgi.await(WAIT, "an incident for process instance " + instance + " after 3 failed attempts", () -> {
                incident.set(incidentOf(token, instance));
                return incident.get() != null;
            });
            assertEquals(3, flaky.attempts.get(), "attempts before the incident");
            assertEquals("itest-flaky", incident.get().get("processKey").asText());
            assertEquals(businessKey, incident.get().get("businessKey").asText());
            assertEquals("flakyStep", incident.get().get("activityId").asText());
            assertTrue(incident.get().get("message").asText().contains("itest: the step fails on purpose"),
                    incident.get().toString());
            assertEquals(Optional.of(instance), workflows.running("itest-flaky", businessKey));

            flaky.failing.set(false);
            KefuHttp.Answer retried = KefuHttp.post("/api/workflow/incidents/" + incident.get().get("id").asText()
                    + "/retry", token, Map.of());
            assertNotNull(retried, "no connection for the retry");
            assertEquals(204, retried.status(), retried.body());
            // The retry wakes the job executor (it does not wait for its next look, up to a minute when idle); how
            // soon the step runs is not asserted here, the machine may be busy.
            Osgi.await(WAIT, "process instance " + instance + " to finish after the retry",
                    () -> workflows.running("itest-flaky", businessKey).isEmpty());
            assertEquals(4, flaky.attempts.get(), "attempts in all");
            assertNull(incidentOf(token, instance), "the incident is resolved");
            KefuHttp.Answer finished = KefuHttp.awaitServed("the finished instances of itest-flaky",
                    () -> KefuHttp.get("/api/workflow/processes/itest-flaky/versions/" + version
                            + "/instances?state=finished", token));
            assertEquals(200, finished.status(), finished.body());
            List<String> ids = new ArrayList<>();
            finished.json().forEach(i -> ids.add(i.get("id").asText()));
            assertEquals(List.of(instance), ids, "finished instances");
        } finally {
            registration.unregister();
        }
    }

    /** The test bundle's action on the whiteboard: fails while {@code failing} is set, and counts its calls. */
    private static final class FlakyAction implements ProcessAction {
        final AtomicBoolean failing = new AtomicBoolean(true);
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public String name() {
            return "itest.flaky";
        }

        @Override
        public void execute(ActionContext context) {
            attempts.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("itest: the step fails on purpose");
            }
        }
    }

    /** How the component serving /api/workflow/sops (and tasks and procedures) stands. */
    private static String procedureResource() {
        return Osgi.component("kefu.workflow", "io.kefu.workflow.internal.ProcedureResource");
    }

    /** The open incident of a process instance in GET /api/workflow/incidents, or null. */
    private static JsonNode incidentOf(String token, String processInstanceId) {
        KefuHttp.Answer answer = KefuHttp.awaitServed("GET /api/workflow/incidents",
                () -> KefuHttp.get("/api/workflow/incidents", token));
        if (answer.status() != 200) {
            throw new AssertionFailedError("GET /api/workflow/incidents: HTTP " + answer.status() + " " + answer.body());
        }
        for (JsonNode incident : answer.json()) {
            if (processInstanceId.equals(incident.path("processInstanceId").asText())) {
                return incident;
            }
        }
        return null;
    }

    /** The one open task of a process instance for a business key. */
    private static WorkTask task(Workflows workflows, String businessKey, String processInstanceId) {
        List<WorkTask> tasks = workflows.tasks(businessKey).stream()
                .filter(t -> t.processInstanceId().equals(processInstanceId)).toList();
        assertEquals(1, tasks.size(), "open tasks: " + tasks);
        return tasks.get(0);
    }

    /** A signed-in person as other bundles see one (kefu.security makes these from sessions). */
    static KefuUser person(String displayName, Role role) {
        String id = UUID.randomUUID().toString();
        return new KefuUser(id, "itest-" + id.substring(0, 8), displayName, Set.of(role));
    }

    /** A new web chat conversation from a new visitor; its id. */
    static String webchat(MessageIngest ingest, String body) {
        String visitor = UUID.randomUUID().toString().replace("-", "");
        return ingest.ingest(new InboundMessage("webchat", new ChannelIdentity(IdentityType.WEB_VISITOR, visitor, true),
                body, visitor + ":1", null, List.of(), null)).conversationId();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
