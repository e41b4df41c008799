package io.kefu.ticketing.internal;

import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import io.kefu.api.workflow.ActionContext;
import io.kefu.api.workflow.ProcessAction;
import io.kefu.ticketing.internal.TicketMapper.SlaRow;
import io.kefu.ticketing.internal.TicketMapper.TicketRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What ticketing contributes to processes (see processes/README.md): the lifecycle's status steps, creating a
 * ticket from an SOP, and the SLA clock's steps. The SLA arithmetic counts business time by the engine's clock
 * ({@link ActionContext#now()}), so that tests move it without waiting.
 */
final class TicketActions {
    /** A deadline reached within this much of the target counts as the target itself (timers fire a little late). */
    private static final long TOLERANCE_MS = 1000;

    private TicketActions() {
    }

    static long ticketId(ActionContext context) {
        return TicketService.parse(context.text("ticketId", context.businessKey()));
    }

    /** {@code ticket.status}: the lifecycle step (argument) the ticket is entering. */
    @Component(service = ProcessAction.class)
    public static final class Status implements ProcessAction {
        private final TicketService tickets;

        @Activate
        public Status(@Reference TicketService tickets) {
            this.tickets = tickets;
        }

        @Override
        public String name() {
            return "ticket.status";
        }

        @Override
        public void execute(ActionContext context) {
            long id = ticketId(context);
            String step = context.argument();
            if ("REOPENED".equals(step)) {
                tickets.reopened(id);
                return;
            }
            TicketStatus status = TicketStatus.valueOf(step);
            if (status == TicketStatus.ASSIGNED) {
                tickets.assignFromProcess(id, context.text("assigneeId", null));
            }
            tickets.setStatus(id, status, null);
        }
    }

    /**
     * {@code ticket.create}: a ticket about the process's conversation (inputs {@code type}, {@code subject},
     * {@code description}, {@code priority}, {@code teamId}); sets {@code ticketId} and {@code ticketNumber}.
     */
    @Component(service = ProcessAction.class)
    public static final class Create implements ProcessAction {
        private final TicketService tickets;

        @Activate
        public Create(@Reference TicketService tickets) {
            this.tickets = tickets;
        }

        @Override
        public String name() {
            return "ticket.create";
        }

        @Override
        public void execute(ActionContext context) {
            // A step retried after its transaction failed must not open a second ticket: the instance's ticket is
            // found by the field that records it.
            String conversationId = context.text("conversationId", null);
            if (conversationId != null) {
                for (Ticket existing : tickets.forConversation(conversationId)) {
                    if (context.processInstanceId().equals(existing.customFields().get("processInstance"))
                            && context.activityId().equals(existing.customFields().get("step"))) {
                        context.setVariable("ticketId", existing.id());
                        context.setVariable("ticketNumber", "#" + existing.id());
                        return;
                    }
                }
            }
            Map<String, String> fields = new HashMap<>();
            for (String name : new String[] {"orderNumber", "trackingNumber", "amount", "invoiceTitle", "taxId"}) {
                String value = context.text(name, null);
                if (value != null) {
                    fields.put(name, value);
                }
            }
            fields.put("procedure", context.processKey());
            fields.put("processInstance", context.processInstanceId());
            fields.put("step", context.activityId());
            String priority = context.text("priority", "NORMAL").toUpperCase(Locale.ROOT);
            Ticket ticket = tickets.create(new NewTicket(context.text("type", "general"),
                    context.text("subject", "Request from " + context.processKey()), context.text("description", null),
                    Priority.valueOf(priority), context.text("customerId", null), context.text("teamId", null), null,
                    context.text("conversationId", null), fields, "process"), null);
            context.setVariable("ticketId", ticket.id());
            context.setVariable("ticketNumber", "#" + ticket.id());
        }
    }

    /**
     * {@code ticket.update}: changes the process's ticket ({@code ticketId}): inputs {@code priority}, {@code teamId},
     * {@code assigneeId} (empty unassigns), {@code comment} (an internal comment); what is not given stays.
     */
    @Component(service = ProcessAction.class)
    public static final class Update implements ProcessAction {
        private final TicketService tickets;

        @Activate
        public Update(@Reference TicketService tickets) {
            this.tickets = tickets;
        }

        @Override
        public String name() {
            return "ticket.update";
        }

        @Override
        public void execute(ActionContext context) {
            String id = String.valueOf(ticketId(context));
            String priority = context.text("priority", null);
            Object assignee = context.variable("assigneeId");
            boolean unassign = assignee != null && assignee.toString().isBlank();
            tickets.update(id, new TicketService.Change(priority == null ? null
                    : Priority.valueOf(priority.toUpperCase(Locale.ROOT)), context.text("teamId", null),
                    unassign ? null : context.text("assigneeId", null), unassign, null, null, null), null);
            String comment = context.text("comment", null);
            if (comment != null) {
                tickets.addComment(id, comment, false, null);
            }
        }
    }

    /** The clock of one SLA target of one ticket, as its process's steps see it. */
    abstract static class ClockStep implements ProcessAction {
        final TicketService tickets;

        ClockStep(TicketService tickets) {
            this.tickets = tickets;
        }

        @Override
        public final void execute(ActionContext context) {
            long id = ticketId(context);
            SlaTarget target = SlaTarget.valueOf(context.text("target", "RESOLUTION"));
            SlaRow row = tickets.sla(id, target);
            if (row == null) {
                throw new IllegalStateException("ticket #" + id + " has no " + target + " target");
            }
            TicketRow ticket = tickets.row(id);
            SlaPolicies.Targets targets = tickets.targets(ticket);
            Duration goal = target == SlaTarget.FIRST_RESPONSE ? targets.firstResponse() : targets.resolution();
            Instant now = context.now();
            long consumed = row.consumedMs() + (row.runningSince() == null ? 0
                    : targets.calendar().between(row.runningSince(), now).toMillis());
            step(context, id, target, row, targets, goal.toMillis(), consumed, now);
        }

        abstract void step(ActionContext context, long id, SlaTarget target, SlaRow row, SlaPolicies.Targets targets,
                long goalMs, long consumedMs, Instant now);
    }

    /**
     * {@code sla.schedule}: counts the business time used so far, applies the targets as they are now (priority,
     * tier), and sets the clock's next deadline: the warning, or the breach once warned.
     */
    @Component(service = ProcessAction.class)
    public static final class Schedule extends ClockStep {
        @Activate
        public Schedule(@Reference TicketService tickets) {
            super(tickets);
        }

        @Override
        public String name() {
            return "sla.schedule";
        }

        @Override
        void step(ActionContext context, long id, SlaTarget target, SlaRow row, SlaPolicies.Targets targets,
                long goalMs, long consumedMs, Instant now) {
            long warnMs = (long) (goalMs * tickets.policies().warnAt());
            boolean warned = consumedMs >= warnMs
                    || (SlaState.valueOf(row.state()) == SlaState.WARNED && row.targetMs() == goalMs);
            Instant due = targets.calendar().plus(now, Duration.ofMillis(Math.max(0, goalMs - consumedMs)));
            Instant warnAt = warned ? null : targets.calendar().plus(now, Duration.ofMillis(warnMs - consumedMs));
            SlaState state = warned ? SlaState.WARNED : SlaState.RUNNING;
            tickets.saveSla(new SlaRow(id, target.name(), targets.name(), goalMs, consumedMs, now, state.name(), due,
                    warnAt, null, null, row.startedAt(), now));
            context.setVariable("nextDeadline", Date.from(warned ? due : warnAt));
            context.setVariable("slaState", state.name());
        }
    }

    /** {@code sla.deadline}: the timer fired; at the target it is a breach (escalate), before it a warning. */
    @Component(service = ProcessAction.class)
    public static final class Deadline extends ClockStep {
        @Activate
        public Deadline(@Reference TicketService tickets) {
            super(tickets);
        }

        @Override
        public String name() {
            return "sla.deadline";
        }

        @Override
        void step(ActionContext context, long id, SlaTarget target, SlaRow row, SlaPolicies.Targets targets,
                long goalMs, long consumedMs, Instant now) {
            if (consumedMs >= goalMs - TOLERANCE_MS) {
                tickets.saveSla(new SlaRow(id, target.name(), targets.name(), goalMs, consumedMs, null,
                        SlaState.BREACHED.name(), row.dueAt(), null, null, now, row.startedAt(), now));
                tickets.recordSla(id, "sla-breached", target + " target breached (" + targets.name() + ")");
                context.setVariable("slaState", SlaState.BREACHED.name());
                tickets.escalate(id, target);
            } else {
                // consumedMs already counts the time since runningSince: the clock runs on from now.
                tickets.saveSla(new SlaRow(id, target.name(), targets.name(), goalMs, consumedMs, now,
                        SlaState.WARNED.name(), row.dueAt(), null, null, null, row.startedAt(), now));
                tickets.recordSla(id, "sla-warning", target + " target due at " + row.dueAt());
                context.setVariable("slaState", SlaState.WARNED.name());
                tickets.warn(id, target, row.dueAt());
            }
        }
    }

    /** {@code sla.pause}: the ticket waits on the customer; the clock stops counting. */
    @Component(service = ProcessAction.class)
    public static final class Pause extends ClockStep {
        @Activate
        public Pause(@Reference TicketService tickets) {
            super(tickets);
        }

        @Override
        public String name() {
            return "sla.pause";
        }

        @Override
        void step(ActionContext context, long id, SlaTarget target, SlaRow row, SlaPolicies.Targets targets,
                long goalMs, long consumedMs, Instant now) {
            tickets.saveSla(new SlaRow(id, target.name(), targets.name(), goalMs, consumedMs, null,
                    SlaState.PAUSED.name(), null, null, null, null, row.startedAt(), now));
            context.setVariable("slaState", SlaState.PAUSED.name());
        }
    }

    /** {@code sla.met}: the target was reached in time. */
    @Component(service = ProcessAction.class)
    public static final class Met extends ClockStep {
        @Activate
        public Met(@Reference TicketService tickets) {
            super(tickets);
        }

        @Override
        public String name() {
            return "sla.met";
        }

        @Override
        void step(ActionContext context, long id, SlaTarget target, SlaRow row, SlaPolicies.Targets targets,
                long goalMs, long consumedMs, Instant now) {
            tickets.saveSla(new SlaRow(id, target.name(), targets.name(), goalMs, consumedMs, null,
                    SlaState.MET.name(), row.dueAt(), null, now, null, row.startedAt(), now));
            context.setVariable("slaState", SlaState.MET.name());
        }
    }
}
