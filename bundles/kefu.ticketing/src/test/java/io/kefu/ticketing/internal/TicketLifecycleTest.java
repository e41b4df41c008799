package io.kefu.ticketing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.spi.Notification;
import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import io.kefu.ticketing.internal.TicketMapper.SlaRow;
import io.kefu.workflow.internal.Workbench;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tickets through their lifecycle and SLA clocks on the real engine and database, with the engine's clock
 * (ClockUtil) moved by hand and due jobs run by the test: no sleeping, no job executor.
 */
class TicketLifecycleTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final KefuUser AGENT = new KefuUser("agent-1", "li.na", "Li Na", Set.of(Role.AGENT));

    /** Kefu's clock follows the engine's, as it does in production (both read the system clock there). */
    static final class EngineClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }

    /** Everything the engine and Kefu need for tickets, on one scratch database. */
    static final class Desk implements AutoCloseable {
        final Workbench workbench;
        final TicketService tickets;
        final List<Notification> notifications = new ArrayList<>();

        Desk(PooledStore store) throws Exception {
            workbench = Workbench.open(store);
            SlaPolicies policies;
            try (InputStream in = new FileInputStream("../../processes/sla-policies.yaml")) {
                policies = SlaPolicies.read(in, "sla-policies.yaml");
            }
            tickets = new TicketService(new TicketData(store), workbench.service(), policies, "support", "P7D", true,
                    new EngineClock());
            tickets.addNotifier(notifications::add);
            workbench.actions().add(new TicketActions.Status(tickets));
            workbench.actions().add(new TicketActions.Create(tickets));
            workbench.actions().add(new TicketActions.Check(tickets));
            workbench.actions().add(new TicketActions.Update(tickets));
            workbench.service().library().deployDefaults(Workbench.repositoryProcesses());
        }

        /** Moves the engine's clock and runs every job due by then, as the job executor would. */
        void at(LocalDateTime local) {
            ClockUtil.setCurrentTime(Date.from(local.atZone(SHANGHAI).toInstant()));
            workbench.engine().run(camunda -> {
                ManagementService management = camunda.getManagementService();
                for (int round = 0; round < 20; round++) {
                    List<Job> due = management.createJobQuery().executable().list();
                    if (due.isEmpty()) {
                        return;
                    }
                    for (Job job : due) {
                        management.executeJob(job.getId());
                    }
                }
                throw new AssertionError("jobs keep coming due");
            });
        }

        SlaRow sla(Ticket ticket, SlaTarget target) {
            return tickets.sla(Long.parseLong(ticket.id()), target);
        }

        Ticket get(Ticket ticket) {
            return tickets.require(ticket.id());
        }

        @Override
        public void close() {
            workbench.close();
        }
    }

    static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(SHANGHAI).toInstant();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTicketIsTriagedWorkedPausedResolvedReopenedAndClosedWithBusinessTimeSlas(TestDatabase database)
            throws Exception {
        try (ScratchDatabase scratch = database.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
                Desk desk = new Desk(store)) {
            desk.at(LocalDateTime.parse("2026-11-23T10:00:00")); // a Monday
            Ticket ticket = desk.tickets.create(new NewTicket("refund", "Refund for order A-1001", "Damaged on arrival",
                    Priority.NORMAL, "customer-1", null, null, null, Map.of("orderNumber", "A-1001"), "agent"), AGENT);
            assertEquals(TicketStatus.TRIAGE, ticket.status());
            assertEquals("support", ticket.teamId());
            // NORMAL: first response in 4 business hours, resolution in 24 (09:00-18:00, Monday to Friday).
            assertEquals(local("2026-11-23T14:00:00"), desk.sla(ticket, SlaTarget.FIRST_RESPONSE).dueAt());
            assertEquals(local("2026-11-25T16:00:00"), desk.sla(ticket, SlaTarget.RESOLUTION).dueAt());

            desk.tickets.update(ticket.id(), new TicketService.Change(null, null, "agent-1", false, null, null, null),
                    AGENT);
            assertEquals(TicketStatus.ASSIGNED, desk.get(ticket).status());
            assertEquals("agent-1", desk.get(ticket).assigneeId());

            desk.at(LocalDateTime.parse("2026-11-23T11:00:00"));
            desk.tickets.comment(ticket.id(), "We are looking into it.", true, AGENT);
            assertEquals(SlaState.MET.name(), desk.sla(ticket, SlaTarget.FIRST_RESPONSE).state());

            // Waiting on the customer stops the resolution clock after 2 business hours.
            desk.at(LocalDateTime.parse("2026-11-23T12:00:00"));
            desk.tickets.transition(ticket.id(), TicketStatus.PENDING_CUSTOMER, AGENT);
            assertEquals(TicketStatus.PENDING_CUSTOMER, desk.get(ticket).status());
            SlaRow paused = desk.sla(ticket, SlaTarget.RESOLUTION);
            assertEquals(SlaState.PAUSED.name(), paused.state());
            assertEquals(2 * 3600_000L, paused.consumedMs());

            // Two days later the customer answers: 22 business hours are left, due Friday 14:00.
            desk.at(LocalDateTime.parse("2026-11-25T10:00:00"));
            assertEquals(SlaState.PAUSED.name(), desk.sla(ticket, SlaTarget.RESOLUTION).state());
            desk.tickets.transition(ticket.id(), TicketStatus.ASSIGNED, AGENT);
            assertEquals(TicketStatus.ASSIGNED, desk.get(ticket).status());
            SlaRow resumed = desk.sla(ticket, SlaTarget.RESOLUTION);
            assertEquals(local("2026-11-27T14:00:00"), resumed.dueAt());
            assertEquals(local("2026-11-26T17:00:00"), resumed.warnAt());

            // The warning comes at 75 % (18 business hours), Thursday 17:00.
            desk.at(LocalDateTime.parse("2026-11-26T16:59:00"));
            assertEquals(SlaState.RUNNING.name(), desk.sla(ticket, SlaTarget.RESOLUTION).state());
            desk.at(LocalDateTime.parse("2026-11-26T17:00:01"));
            assertEquals(SlaState.WARNED.name(), desk.sla(ticket, SlaTarget.RESOLUTION).state());
            assertTrue(desk.notifications.stream().anyMatch(n -> n.recipient().equals("agent-1")
                    && n.subject().contains("SLA warning")), desk.notifications.toString());

            desk.at(LocalDateTime.parse("2026-11-26T17:30:00"));
            desk.tickets.transition(ticket.id(), TicketStatus.RESOLVED, AGENT);
            assertEquals(TicketStatus.RESOLVED, desk.get(ticket).status());
            assertEquals(SlaState.MET.name(), desk.sla(ticket, SlaTarget.RESOLUTION).state());
            assertThrows(IllegalStateException.class,
                    () -> desk.tickets.transition(ticket.id(), TicketStatus.PENDING_CUSTOMER, AGENT));

            // The customer writes again: reopened, with a new resolution clock.
            desk.at(LocalDateTime.parse("2026-11-27T09:30:00"));
            desk.tickets.transition(ticket.id(), TicketStatus.ASSIGNED, AGENT);
            assertEquals(TicketStatus.ASSIGNED, desk.get(ticket).status());
            assertEquals(SlaState.RUNNING.name(), desk.sla(ticket, SlaTarget.RESOLUTION).state());
            assertTrue(desk.tickets.history(Long.parseLong(ticket.id())).stream()
                    .anyMatch(h -> h.kind().equals("reopened")));

            // The managers' count of open tickets by age, asked twice (the second time H2 reuses the parsed query).
            for (int i = 0; i < 2; i++) {
                List<TicketMapper.CountRow> open = desk.tickets.openByStatus();
                assertEquals(1, open.size(), open.toString());
                assertEquals(TicketStatus.ASSIGNED.name(), open.get(0).status());
                assertEquals(1, open.get(0).older(), open.toString()); // created on Monday, now Friday
            }

            // Resolved again and left alone for a week: it closes by itself.
            desk.tickets.transition(ticket.id(), TicketStatus.RESOLVED, AGENT);
            desk.at(LocalDateTime.parse("2026-12-03T09:00:00"));
            assertEquals(TicketStatus.RESOLVED, desk.get(ticket).status());
            desk.at(LocalDateTime.parse("2026-12-04T10:00:00"));
            assertEquals(TicketStatus.CLOSED, desk.get(ticket).status());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBreachedTargetEscalatesAndAPriorityChangeMovesTheDeadline(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
                Desk desk = new Desk(store)) {
            desk.at(LocalDateTime.parse("2026-11-23T10:00:00"));
            Ticket high = desk.tickets.create(new NewTicket("delivery", "Parcel lost", null, Priority.HIGH, null,
                    "logistics", "agent-1", null, Map.of(), "agent"), AGENT);
            assertEquals(TicketStatus.ASSIGNED, high.status());
            // HIGH: first response within 1 business hour; warned at 45 minutes.
            desk.at(LocalDateTime.parse("2026-11-23T10:45:01"));
            assertEquals(SlaState.WARNED.name(), desk.sla(high, SlaTarget.FIRST_RESPONSE).state());
            desk.at(LocalDateTime.parse("2026-11-23T11:00:01"));
            SlaRow breached = desk.sla(high, SlaTarget.FIRST_RESPONSE);
            assertEquals(SlaState.BREACHED.name(), breached.state());
            Ticket escalated = desk.get(high);
            assertEquals("supervisors", escalated.teamId());
            assertNull(escalated.assigneeId());
            assertTrue(desk.notifications.stream().anyMatch(n -> n.recipient().equals("SUPERVISOR")
                    && n.subject().contains("breached")), desk.notifications.toString());
            // The work step is back with the team's candidates, nobody's in particular.
            assertNull(desk.workbench.service().tasks(high.id()).get(0).assigneeId());

            // A NORMAL ticket raised to URGENT gets the urgent target (30 minutes, around the clock).
            desk.at(LocalDateTime.parse("2026-11-23T17:50:00"));
            Ticket normal = desk.tickets.create(new NewTicket(null, "Cannot log in", null, Priority.NORMAL, null, null,
                    "agent-1", null, Map.of(), "agent"), AGENT);
            assertEquals(local("2026-11-24T12:50:00"), desk.sla(normal, SlaTarget.FIRST_RESPONSE).dueAt());
            desk.at(LocalDateTime.parse("2026-11-23T17:55:00"));
            desk.tickets.update(normal.id(), new TicketService.Change(Priority.URGENT, null, null, false, null, null,
                    null), AGENT);
            assertEquals(local("2026-11-23T18:20:00"), desk.sla(normal, SlaTarget.FIRST_RESPONSE).dueAt());
        }
    }

    /**
     * A procedure that opens a ticket and changes it in the same transaction (no asynchronous step between): the
     * new ticket's first lifecycle step holds its row lock in that transaction, so the change must be written on the
     * same connection, or it would wait for itself.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aProcedureOpensAndChangesATicketInOneTransaction(TestDatabase database) throws Exception {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://kefu.io/test">
                  <bpmn:process id="open-and-raise" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="start" />
                    <bpmn:serviceTask id="open" camunda:expression="${actions.run('ticket.create', execution)}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="subject">Refund for A-1001</camunda:inputParameter>
                        <camunda:inputParameter name="teamId">finance</camunda:inputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:serviceTask id="raise" camunda:expression="${actions.run('ticket.update', execution)}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="priority">URGENT</camunda:inputParameter>
                        <camunda:inputParameter name="comment">Customer is a VIP</camunda:inputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:endEvent id="end" />
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="open" />
                    <bpmn:sequenceFlow id="f2" sourceRef="open" targetRef="raise" />
                    <bpmn:sequenceFlow id="f3" sourceRef="raise" targetRef="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        try (ScratchDatabase scratch = database.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
                Desk desk = new Desk(store)) {
            desk.at(LocalDateTime.parse("2026-11-23T10:00:00"));
            desk.workbench.service().library().deploy(bpmn, Map.of(), "test");
            desk.workbench.service().start("open-and-raise", "conversation-1", Map.of());
            List<Ticket> opened = desk.tickets.list(null, false, null, "finance", null, null, 0, 10);
            assertEquals(1, opened.size(), opened.toString());
            Ticket ticket = opened.get(0);
            assertEquals(Priority.URGENT, ticket.priority());
            assertEquals(TicketStatus.TRIAGE, ticket.status());
            // URGENT: 30 minutes around the clock, so the first response is due at 10:30.
            assertEquals(local("2026-11-23T10:30:00"), desk.sla(ticket, SlaTarget.FIRST_RESPONSE).dueAt());
            assertEquals("Customer is a VIP", desk.tickets.comments(Long.parseLong(ticket.id())).get(0).body());
            // The timer, created in that same transaction, was moved to the urgent warning (75 %: 10:22:30).
            TicketMapper.TicketRow row = desk.tickets.row(Long.parseLong(ticket.id()));
            assertEquals(local("2026-11-23T10:22:30"), row.slaCheckAt);
            Date timerDue = desk.workbench.engine().call(camunda -> camunda.getManagementService().createJobQuery()
                    .processInstanceId(row.processInstanceId).activityId(TicketService.SLA_TIMER).singleResult()
                    .getDuedate());
            assertEquals(local("2026-11-23T10:22:30"), timerDue.toInstant());
        }
    }
}
