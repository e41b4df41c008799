package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import io.kefu.api.ticket.Tickets;
import io.kefu.api.workflow.WorkTask;
import io.kefu.api.workflow.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * kefu.ticketing inside Felix with the real bundles on the run's database: a ticket made through the Tickets
 * service runs its lifecycle process and two SLA clock processes on kefu.workflow's engine, and each move an agent
 * makes is carried by those processes to the ticket's status and its SLA targets, as the REST API shows them.
 */
@KefuItest
class TicketingInOsgiTest {

    @Test
    void aTicketWithAnAssigneeGoesThroughItsLifecycleAndItsSlaTargetsFollow() {
        Tickets tickets = Osgi.service(Tickets.class);
        Workflows workflows = Osgi.service(Workflows.class);
        KefuUser agent = WorkflowInOsgiTest.person("工单测试坐席", Role.AGENT);
        String token = KefuHttp.adminToken();

        Ticket ticket = tickets.create(new NewTicket("complaint", "包裹破损，要求补发", "外箱破损，杯子碎了。",
                Priority.HIGH, null, "logistics", agent.id(), null, Map.of("orderNumber", "E20261121000888"), null),
                agent);
        String id = ticket.id();
        assertEquals(TicketStatus.ASSIGNED, ticket.status(), "with an assignee the lifecycle goes straight to work");
        assertEquals(agent.id(), ticket.assigneeId());
        assertEquals("logistics", ticket.teamId());
        assertEquals("E20261121000888", ticket.customFields().get("orderNumber"));
        Optional<String> lifecycle = workflows.running("ticket-lifecycle", id);
        assertTrue(lifecycle.isPresent(), "the lifecycle runs");
        assertWorkFor(workflows, id, agent);

        JsonNode detail = detail(token, id);
        assertEquals(lifecycle.get(), detail.get("processInstanceId").asText());
        assertEquals("ASSIGNED", detail.get("status").asText());
        Map<String, JsonNode> sla = sla(detail);
        assertEquals(List.of("FIRST_RESPONSE", "RESOLUTION"), List.copyOf(sla.keySet()));
        for (JsonNode target : sla.values()) {
            assertEquals("RUNNING", target.get("state").asText(), target.toString());
            assertFalse(target.path("dueAt").isNull() || target.path("policy").asText().isBlank(), target.toString());
            assertTrue(target.get("remainingMillis").asLong() > 0, target.toString());
        }
        // The lifecycle's one SLA timer is set to the earliest warning: the first response's.
        assertEquals(sla.get("FIRST_RESPONSE").get("warnAt").asText(), detail.get("slaCheckAt").asText(),
                detail.toString());

        ticket = tickets.transition(id, TicketStatus.PENDING_CUSTOMER, agent);
        assertEquals(TicketStatus.PENDING_CUSTOMER, ticket.status());
        sla = sla(detail(token, id));
        assertEquals("MET", sla.get("FIRST_RESPONSE").get("state").asText(), "asking the customer is a response");
        assertEquals("PAUSED", sla.get("RESOLUTION").get("state").asText(), "paused while waiting on the customer");
        assertTrue(workflows.tasks(id).isEmpty(), "nobody works on a ticket waiting on the customer");

        ticket = tickets.transition(id, TicketStatus.ASSIGNED, agent);
        assertEquals(TicketStatus.ASSIGNED, ticket.status());
        assertEquals(agent.id(), ticket.assigneeId());
        assertEquals("RUNNING", sla(detail(token, id)).get("RESOLUTION").get("state").asText());
        assertWorkFor(workflows, id, agent);

        ticket = tickets.transition(id, TicketStatus.RESOLVED, agent);
        assertEquals(TicketStatus.RESOLVED, ticket.status());
        detail = detail(token, id);
        sla = sla(detail);
        assertEquals("MET", sla.get("FIRST_RESPONSE").get("state").asText());
        assertEquals("MET", sla.get("RESOLUTION").get("state").asText());
        assertFalse(sla.get("RESOLUTION").path("metAt").isNull(), sla.toString());
        assertEquals(lifecycle, workflows.running("ticket-lifecycle", id),
                "a resolved ticket's lifecycle waits for the customer to write again or for closing");
        assertEquals(List.of("ASSIGNED", "CLOSED"), texts(detail.get("actions")));
        assertEquals(List.of("NEW → ASSIGNED", "ASSIGNED → PENDING_CUSTOMER", "PENDING_CUSTOMER → ASSIGNED",
                "ASSIGNED → RESOLVED"), statusHistory(detail));

        String resolved = id;
        KefuUser actor = agent;
        assertThrows(IllegalStateException.class,
                () -> tickets.transition(resolved, TicketStatus.PENDING_CUSTOMER, actor));
        assertEquals(TicketStatus.RESOLVED, tickets.find(id).orElseThrow().status());
    }

    /** The lifecycle's "work" step is the ticket's one open task, and it is the agent's. */
    private static void assertWorkFor(Workflows workflows, String ticketId, KefuUser agent) {
        List<WorkTask> tasks = workflows.tasks(ticketId);
        assertEquals(List.of("work"), tasks.stream().map(WorkTask::activityId).toList(), tasks.toString());
        assertEquals(agent.id(), tasks.get(0).assigneeId());
    }

    /** GET /api/tickets/{id}. */
    private static JsonNode detail(String token, String ticketId) {
        KefuHttp.Answer answer = KefuHttp.awaitServed("GET /api/tickets/" + ticketId,
                () -> KefuHttp.get("/api/tickets/" + ticketId, token));
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    /** A ticket's SLA targets by name, in name order. */
    private static Map<String, JsonNode> sla(JsonNode detail) {
        Map<String, JsonNode> targets = new TreeMap<>();
        detail.get("sla").forEach(target -> targets.put(target.get("target").asText(), target));
        return targets;
    }

    private static List<String> statusHistory(JsonNode detail) {
        List<String> moves = new ArrayList<>();
        detail.get("history").forEach(entry -> {
            if ("status".equals(entry.path("kind").asText())) {
                moves.add(entry.path("detail").asText());
            }
        });
        return moves;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
