package io.kefu.ticketing.internal;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.kefu.api.customer.Customer;
import io.kefu.api.customer.Customers;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import io.kefu.ticketing.internal.TicketMapper.SlaRow;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** Tickets for agents and supervisors, and ticket metrics for managers, at {@code /api/tickets}. */
@Component(service = TicketsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public final class TicketsResource {
    private final TicketService tickets;
    /** Optional and dynamic, so that its late arrival does not re-register this resource (see ProcedureResource). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Customers customers;

    @Activate
    public TicketsResource(@Reference TicketService tickets) {
        this.tickets = tickets;
    }

    public record Sla(String target, String state, String policy, Instant dueAt, Instant warnAt, Instant metAt,
            Instant breachedAt, long remainingMillis) {
    }

    public record TicketSummary(String id, String number, String type, String subject, Priority priority,
            TicketStatus status, String customerId, String customerName, String assigneeId, String teamId,
            Instant createdAt, Instant updatedAt, List<Sla> sla) {
    }

    public record Comment(String id, String authorId, String authorName, String body, boolean publicReply,
            Instant createdAt) {
    }

    public record Attachment(String id, String fileName, String contentType, long sizeBytes, String url,
            Instant createdAt) {
    }

    public record HistoryEntry(Instant at, String actor, String kind, String detail) {
    }

    public record TicketDetail(String id, String number, String type, String subject, String description,
            Priority priority, TicketStatus status, String customerId, String customerName, String assigneeId,
            String teamId, String source, List<String> conversationIds, Map<String, String> fields,
            Instant createdAt, Instant updatedAt, List<Sla> sla, List<Comment> comments, List<Attachment> attachments,
            List<HistoryEntry> history, String processInstanceId, int reopenCount, List<TicketStatus> actions,
            Instant slaCheckAt) {
    }

    public record CreateBody(String type, String subject, String description, Priority priority, String customerId,
            String teamId, String assigneeId, String conversationId, Map<String, String> fields) {
    }

    /** A change; {@code assigneeId} or {@code teamId} sent as null clears it (see {@link #update}). */
    public static final class UpdateBody {
        public Priority priority;
        public String teamId;
        public String assigneeId;
        public String type;
        public String subject;
        public Map<String, String> fields;
        boolean assigneeSent;

        public void setPriority(Priority priority) {
            this.priority = priority;
        }

        public void setTeamId(String teamId) {
            this.teamId = teamId;
        }

        public void setAssigneeId(String assigneeId) {
            this.assigneeId = assigneeId;
            this.assigneeSent = true;
        }

        public void setType(String type) {
            this.type = type;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public void setFields(Map<String, String> fields) {
            this.fields = fields;
        }
    }

    public record StatusBody(TicketStatus status) {
    }

    public record CommentBody(String body, Boolean publicReply) {
    }

    public record AttachmentBody(String fileName, String contentType, Long sizeBytes, String url) {
    }

    @GET
    public List<TicketSummary> list(@QueryParam("status") String status, @QueryParam("open") Boolean open,
            @QueryParam("assignee") String assignee, @QueryParam("team") String team,
            @QueryParam("customer") String customer, @QueryParam("q") String text,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext security) {
        TicketStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = TicketStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("ticket.status", "Unknown status '" + status + "'");
            }
        }
        String who = "me".equals(assignee) ? user(security).id() : blankToNull(assignee);
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 500 || (offset != null && offset < 0)) {
            throw ApiException.badRequest("page.limit", "limit must be 1 to 500 and offset not negative");
        }
        return tickets.list(wanted, Boolean.TRUE.equals(open), who, blankToNull(team), blankToNull(customer), text,
                offset == null ? 0 : offset, max).stream().map(this::summary).toList();
    }

    @POST
    public Response create(CreateBody body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiException.badRequest("ticket.missing", "Send the ticket as JSON");
        }
        Ticket ticket = checked(() -> tickets.create(new NewTicket(body.type(), body.subject(), body.description(),
                body.priority(), body.customerId(), body.teamId(), body.assigneeId(), body.conversationId(),
                body.fields(), "agent"), user(security)));
        return Response.status(Response.Status.CREATED).entity(detail(ticket)).build();
    }

    @GET
    @Path("/{id}")
    public TicketDetail get(@PathParam("id") String id) {
        return detail(checked(() -> tickets.require(id)));
    }

    /** Changes what is sent; an {@code assigneeId} of null unassigns, a {@code teamId} of null is refused. */
    @PATCH
    @Path("/{id}")
    public TicketDetail update(@PathParam("id") String id, UpdateBody body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiException.badRequest("ticket.missing", "Send the changes as JSON");
        }
        boolean unassign = body.assigneeSent && (body.assigneeId == null || body.assigneeId.isBlank());
        return detail(checked(() -> tickets.update(id, new TicketService.Change(body.priority, body.teamId,
                unassign ? null : body.assigneeId, unassign, body.type, body.subject, body.fields), user(security))));
    }

    @POST
    @Path("/{id}/status")
    public TicketDetail status(@PathParam("id") String id, StatusBody body, @Context SecurityContext security) {
        if (body == null || body.status() == null) {
            throw ApiException.badRequest("ticket.status", "Send the new status as 'status'");
        }
        return detail(checked(() -> tickets.transition(id, body.status(), user(security))));
    }

    @POST
    @Path("/{id}/comments")
    public Response comment(@PathParam("id") String id, CommentBody body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiException.badRequest("comment.missing", "Send the comment as JSON");
        }
        TicketMapper.CommentRow row = checked(() -> tickets.addComment(id, body.body(),
                Boolean.TRUE.equals(body.publicReply()), user(security)));
        return Response.status(Response.Status.CREATED).entity(new Comment(row.id(), row.authorId(), row.authorName(),
                row.body(), row.publicReply(), row.createdAt())).build();
    }

    @POST
    @Path("/{id}/attachments")
    public Response attach(@PathParam("id") String id, AttachmentBody body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiException.badRequest("attachment.missing", "Send the attachment's details as JSON");
        }
        TicketMapper.AttachmentRow row = checked(() -> tickets.attach(id, body.fileName(), body.contentType(),
                body.sizeBytes() == null ? 0 : body.sizeBytes(), body.url(), user(security)));
        return Response.status(Response.Status.CREATED).entity(new Attachment(row.id(), row.fileName(),
                row.contentType(), row.sizeBytes(), row.url(), row.createdAt())).build();
    }

    @GET
    @Path("/conversations/{conversationId}")
    public List<TicketSummary> forConversation(@PathParam("conversationId") String conversationId) {
        return tickets.forConversation(conversationId).stream().map(this::summary).toList();
    }

    // ------------------------------------------------------------------ metrics

    public record SlaCount(String target, long met, long breached, long running) {
    }

    public record OpenCount(TicketStatus status, long count, Map<String, Long> ageBuckets) {
    }

    public record Metrics(Instant from, Instant to, List<SlaCount> sla, List<OpenCount> open) {
    }

    public record MetricRow(String section, String name, String bucket, long count) {
    }

    @GET
    @Path("/metrics")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.ANALYST})
    public Response metrics(@QueryParam("days") Integer days, @QueryParam("format") String format) {
        int period = days == null ? 30 : days;
        if (period < 1 || period > 366) {
            throw ApiException.badRequest("metrics.days", "days must be between 1 and 366");
        }
        Instant to = Instant.now();
        Instant from = to.minus(period, ChronoUnit.DAYS);
        Map<String, long[]> sla = new LinkedHashMap<>();
        for (SlaTarget target : SlaTarget.values()) {
            sla.put(target.name(), new long[3]);
        }
        for (TicketMapper.SlaCountRow row : tickets.slaCounts(from)) {
            long[] counts = sla.computeIfAbsent(row.target(), t -> new long[3]);
            switch (SlaState.valueOf(row.state())) {
                case MET -> counts[0] += row.count();
                case BREACHED -> counts[1] += row.count();
                default -> counts[2] += row.count();
            }
        }
        List<SlaCount> slaCounts = new ArrayList<>();
        sla.forEach((target, c) -> slaCounts.add(new SlaCount(target, c[0], c[1], c[2])));
        Map<TicketStatus, OpenCount> open = new EnumMap<>(TicketStatus.class);
        for (TicketMapper.CountRow row : tickets.openByStatus()) {
            Map<String, Long> buckets = new LinkedHashMap<>();
            buckets.put("<1h", row.under1h());
            buckets.put("1-8h", row.under8h());
            buckets.put("8-24h", row.under24h());
            buckets.put("1-3d", row.under3d());
            buckets.put(">3d", row.older());
            TicketStatus status = TicketStatus.valueOf(row.status());
            open.put(status, new OpenCount(status, row.count(), buckets));
        }
        Metrics metrics = new Metrics(from, to, slaCounts, List.copyOf(open.values()));
        if (!"csv".equalsIgnoreCase(format)) {
            return Response.ok(metrics, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<MetricRow> rows = new ArrayList<>();
        for (SlaCount count : slaCounts) {
            rows.add(new MetricRow("sla", count.target(), "met", count.met()));
            rows.add(new MetricRow("sla", count.target(), "breached", count.breached()));
            rows.add(new MetricRow("sla", count.target(), "running", count.running()));
        }
        for (OpenCount count : metrics.open()) {
            count.ageBuckets().forEach((bucket, n) -> rows.add(new MetricRow("open", count.status().name(), bucket, n)));
        }
        try {
            CsvMapper csv = new CsvMapper();
            CsvSchema schema = csv.schemaFor(MetricRow.class).withHeader().sortedBy("section", "name", "bucket", "count");
            return Response.ok(csv.writer(schema).writeValueAsBytes(rows), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"ticket-metrics.csv\"").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ shapes

    private TicketSummary summary(Ticket ticket) {
        return new TicketSummary(ticket.id(), "#" + ticket.id(), ticket.type(), ticket.subject(), ticket.priority(),
                ticket.status(), ticket.customerId(), customerName(ticket.customerId()), ticket.assigneeId(),
                ticket.teamId(), ticket.createdAt(), ticket.updatedAt(), sla(Long.parseLong(ticket.id())));
    }

    private TicketDetail detail(Ticket ticket) {
        long id = Long.parseLong(ticket.id());
        TicketMapper.TicketRow row = tickets.row(id);
        return new TicketDetail(ticket.id(), "#" + ticket.id(), ticket.type(), ticket.subject(), row.description,
                ticket.priority(), ticket.status(), ticket.customerId(), customerName(ticket.customerId()),
                ticket.assigneeId(), ticket.teamId(), row.source, ticket.conversationIds(), ticket.customFields(),
                ticket.createdAt(), ticket.updatedAt(), sla(id),
                tickets.comments(id).stream().map(c -> new Comment(c.id(), c.authorId(), c.authorName(), c.body(),
                        c.publicReply(), c.createdAt())).toList(),
                tickets.attachments(id).stream().map(a -> new Attachment(a.id(), a.fileName(), a.contentType(),
                        a.sizeBytes(), a.url(), a.createdAt())).toList(),
                tickets.history(id).stream().map(h -> new HistoryEntry(h.atTime(), h.actor(), h.kind(), h.detail()))
                        .toList(),
                row.processInstanceId, row.reopenCount, List.copyOf(TicketService.allowed(ticket.status())),
                row.slaCheckAt);
    }

    private List<Sla> sla(long ticketId) {
        Instant now = Instant.now();
        List<Sla> list = new ArrayList<>();
        for (SlaRow row : tickets.slas(ticketId)) {
            long remaining = row.dueAt() == null ? row.targetMs() - row.consumedMs()
                    : row.dueAt().toEpochMilli() - now.toEpochMilli();
            if (SlaState.valueOf(row.state()) == SlaState.PAUSED) {
                remaining = row.targetMs() - row.consumedMs();
            }
            list.add(new Sla(row.target(), row.state(), row.policy(), row.dueAt(), row.warnAt(), row.metAt(),
                    row.breachedAt(), remaining));
        }
        return list;
    }

    private String customerName(String customerId) {
        Customers directory = customers;
        return directory == null || customerId == null ? null
                : directory.find(customerId).map(Customer::displayName).orElse(null);
    }

    private static <T> T checked(Supplier<T> work) {
        try {
            return work.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("ticket.unknown", e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("ticket.transition", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("ticket.invalid", e.getMessage());
        }
    }

    private static KefuUser user(SecurityContext security) {
        return (KefuUser) security.getUserPrincipal();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
