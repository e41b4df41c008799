package io.kefu.ticketing.internal;

import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.workflow.ActionContext;
import io.kefu.api.workflow.ProcessAction;
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
 * ticket from an SOP, and the SLA timer's check. The SLA check counts business time by the engine's clock
 * ({@link ActionContext#now()}), so that tests move it without waiting.
 */
final class TicketActions {
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
            // In the step's transaction: the status and the process move together, or not at all.
            tickets.enterStep(ticketId(context), context.argument(), context.processInstanceId(),
                    context.text("assigneeId", null), null, context.connection());
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
            // On the step's connection: an earlier step of the same transaction may hold the ticket's row lock.
            tickets.update(id, new TicketService.Change(priority == null ? null
                    : Priority.valueOf(priority.toUpperCase(Locale.ROOT)), context.text("teamId", null),
                    unassign ? null : context.text("assigneeId", null), unassign, null, null, null), null, true,
                    context.connection());
            String comment = context.text("comment", null);
            if (comment != null) {
                tickets.addComment(id, comment, false, null, context.connection());
            }
        }
    }

    /**
     * {@code sla.check}: the lifecycle's SLA timer fired; warns and escalates what is due and sets {@code slaCheckAt},
     * when the timer fires next.
     */
    @Component(service = ProcessAction.class)
    public static final class Check implements ProcessAction {
        private final TicketService tickets;

        @Activate
        public Check(@Reference TicketService tickets) {
            this.tickets = tickets;
        }

        @Override
        public String name() {
            return "sla.check";
        }

        @Override
        public void execute(ActionContext context) {
            Instant next = tickets.checkSla(ticketId(context), context.now());
            context.setVariable("slaCheckAt", Date.from(next));
        }
    }
}
