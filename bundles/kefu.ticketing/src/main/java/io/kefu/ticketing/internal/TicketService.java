package io.kefu.ticketing.internal;

import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.customer.Customer;
import io.kefu.api.customer.CustomerTier;
import io.kefu.api.customer.Customers;
import io.kefu.api.security.KefuUser;
import io.kefu.api.spi.Notification;
import io.kefu.api.spi.Notifier;
import io.kefu.api.spi.TicketEvent;
import io.kefu.api.spi.TicketListener;
import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import io.kefu.api.ticket.Tickets;
import io.kefu.api.workflow.WorkTask;
import io.kefu.api.workflow.Workflows;
import io.kefu.ticketing.internal.TicketMapper.FieldRow;
import io.kefu.ticketing.internal.TicketMapper.SlaRow;
import io.kefu.ticketing.internal.TicketMapper.TicketRow;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets: their rows, their lifecycle process ({@code ticket-lifecycle}) and their SLA clocks ({@code sla-clock},
 * one per target). The process is the authority on where a ticket is: moving a ticket completes or signals its
 * process, and the process's steps set the status ({@link TicketActions}).
 */
@Component(service = {Tickets.class, TicketService.class}, configurationPid = "kefu.ticketing")
@Designate(ocd = TicketingConfig.class)
public final class TicketService implements Tickets {
    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);
    static final String LIFECYCLE = "ticket-lifecycle";
    static final String CLOCK = "sla-clock";
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_FIELDS = 50;

    private final TicketData data;
    private final Workflows workflows;
    private final SlaPolicies policies;
    private final String defaultTeam;
    private final String autoCloseAfter;
    private final boolean ticketsFromEmail;
    private final Clock clock;
    private final List<TicketListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private volatile Conversations conversations;
    private volatile Customers customers;

    @Activate
    public TicketService(@Reference TicketData data, @Reference Workflows workflows, TicketingConfig config) {
        this(data, workflows, policies(config.slaPolicies()), config.defaultTeam(), config.autoCloseAfter(),
                config.ticketsFromEmail(), Clock.systemUTC());
    }

    public TicketService(TicketData data, Workflows workflows, SlaPolicies policies, String defaultTeam,
            String autoCloseAfter, boolean ticketsFromEmail, Clock clock) {
        this.data = data;
        this.workflows = workflows;
        this.policies = policies;
        this.defaultTeam = defaultTeam;
        this.autoCloseAfter = autoCloseAfter;
        this.ticketsFromEmail = ticketsFromEmail;
        this.clock = clock;
    }

    static SlaPolicies policies(String file) {
        if (file == null || file.isBlank()) {
            try (InputStream in = TicketService.class.getResourceAsStream("/processes/sla-policies.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("the bundle lacks processes/sla-policies.yaml");
                }
                return SlaPolicies.read(in, "processes/sla-policies.yaml");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        try (InputStream in = new FileInputStream(file)) {
            return SlaPolicies.read(in, file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the SLA policies " + file + ": " + e.getMessage(), e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setConversations(Conversations conversations) {
        this.conversations = conversations;
    }

    void unsetConversations(Conversations conversations) {
        if (this.conversations == conversations) {
            this.conversations = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCustomers(Customers customers) {
        this.customers = customers;
    }

    void unsetCustomers(Customers customers) {
        if (this.customers == customers) {
            this.customers = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(TicketListener listener) {
        listeners.add(listener);
    }

    void removeListener(TicketListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier) {
        notifiers.add(notifier);
    }

    void removeNotifier(Notifier notifier) {
        notifiers.remove(notifier);
    }

    SlaPolicies policies() {
        return policies;
    }

    boolean ticketsFromEmail() {
        return ticketsFromEmail;
    }

    // ------------------------------------------------------------------ creating

    @Override
    public Ticket create(NewTicket request, KefuUser actor) {
        String subject = request.subject() == null ? "" : request.subject().strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("a ticket needs a subject");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("the subject is longer than " + MAX_SUBJECT + " characters");
        }
        if (request.customFields().size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a ticket holds at most " + MAX_FIELDS + " custom fields");
        }
        String type = blank(request.type()) ? "general" : request.type().strip();
        String customerId = request.customerId();
        Conversations directory = conversations;
        if (request.conversationId() != null && directory != null) {
            Conversation conversation = directory.find(request.conversationId()).orElseThrow(
                    () -> new IllegalArgumentException("no conversation " + request.conversationId()));
            if (customerId == null) {
                customerId = conversation.customerId();
            }
        }
        Instant now = clock.instant();
        TicketRow row = new TicketRow();
        row.type = type;
        row.subject = subject;
        row.description = request.description();
        row.priority = (request.priority() == null ? Priority.NORMAL : request.priority()).name();
        row.status = TicketStatus.NEW.name();
        row.customerId = customerId;
        row.assigneeId = blank(request.assigneeId()) ? null : request.assigneeId();
        row.teamId = blank(request.teamId()) ? defaultTeam : request.teamId().strip();
        row.source = blank(request.source()) ? (actor == null ? "api" : "agent") : request.source();
        row.createdBy = actor == null ? null : actor.id();
        row.createdAt = now;
        row.updatedAt = now;
        String by = name(actor);
        data.execute(mapper -> {
            mapper.insert(row);
            if (request.conversationId() != null) {
                mapper.link(row.id, request.conversationId(), now);
            }
            request.customFields().forEach((name, value) -> mapper.insertField(new FieldRow(row.id, name, value)));
            mapper.history(row.id, now, by, "created", "Created from " + row.source + " as " + row.type + ", "
                    + row.priority + ", team " + row.teamId);
        });
        long id = row.id;
        // The ticket exists before its process: if the engine fails now, the ticket is still there to retry.
        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", String.valueOf(id));
        variables.put("teamId", row.teamId);
        variables.put("assigneeId", row.assigneeId == null ? "" : row.assigneeId);
        variables.put("autoCloseAfter", autoCloseAfter);
        String instance = workflows.start(LIFECYCLE, String.valueOf(id), variables);
        data.execute(mapper -> {
            TicketRow current = mapper.lock(id);
            current.processInstanceId = instance;
            mapper.update(current);
        });
        for (SlaTarget target : SlaTarget.values()) {
            startClock(id, target, now);
        }
        Ticket ticket = require(String.valueOf(id));
        tell("created", ticket, by);
        LOG.info("Ticket #{} created ({}, {}, team {})", id, type, row.priority, row.teamId);
        return ticket;
    }

    private void startClock(long ticketId, SlaTarget target, Instant now) {
        data.execute(mapper -> {
            mapper.deleteSla(ticketId, target.name());
            mapper.insertSla(new SlaRow(ticketId, target.name(), "", 0, 0, now, SlaState.RUNNING.name(), null, null,
                    null, null, now, now));
        });
        workflows.start(CLOCK, target.clockKey(ticketId),
                Map.of("ticketId", String.valueOf(ticketId), "target", target.name()));
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<Ticket> find(String ticketId) {
        long id = parse(ticketId);
        return Optional.ofNullable(data.read(mapper -> {
            TicketRow row = mapper.find(id);
            return row == null ? null : ticket(mapper, row);
        }));
    }

    Ticket require(String ticketId) {
        return find(ticketId).orElseThrow(() -> new NoSuchElementException("no ticket " + ticketId));
    }

    TicketRow row(long id) {
        TicketRow row = data.read(mapper -> mapper.find(id));
        if (row == null) {
            throw new NoSuchElementException("no ticket " + id);
        }
        return row;
    }

    @Override
    public List<Ticket> forConversation(String conversationId) {
        return data.read(mapper -> mapper.forConversation(conversationId).stream().map(r -> ticket(mapper, r)).toList());
    }

    /** Tickets for a list view; {@code open} leaves out resolved and closed ones. */
    List<Ticket> list(TicketStatus status, boolean open, String assignee, String team, String customer, String text,
            int offset, int limit) {
        String like = blank(text) ? null : "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%";
        String number = blank(text) ? null : text.strip().replace("#", "");
        return data.read(mapper -> mapper.list(status == null ? null : status.name(), open, assignee, team, customer,
                like, number, offset, limit).stream().map(r -> ticket(mapper, r)).toList());
    }

    private static Ticket ticket(TicketMapper mapper, TicketRow row) {
        List<String> conversationIds = mapper.links(row.id).stream().map(TicketMapper.LinkRow::conversationId).toList();
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldRow field : mapper.fields(row.id)) {
            fields.put(field.fieldName(), field.fieldValue());
        }
        return new Ticket(String.valueOf(row.id), row.type, row.subject, Priority.valueOf(row.priority),
                TicketStatus.valueOf(row.status), row.customerId, row.assigneeId, row.teamId, conversationIds, fields,
                row.createdAt, row.updatedAt);
    }

    List<SlaRow> slas(long ticketId) {
        return data.read(mapper -> mapper.slas(ticketId));
    }

    List<TicketMapper.CommentRow> comments(long ticketId) {
        return data.read(mapper -> mapper.comments(ticketId));
    }

    List<TicketMapper.AttachmentRow> attachments(long ticketId) {
        return data.read(mapper -> mapper.attachments(ticketId));
    }

    List<TicketMapper.HistoryRow> history(long ticketId) {
        return data.read(mapper -> mapper.historyOf(ticketId));
    }

    /** The moves the lifecycle allows from a status, for the buttons people see. */
    static Set<TicketStatus> allowed(TicketStatus from) {
        return switch (from) {
            case NEW, TRIAGE -> EnumSet.of(TicketStatus.CLOSED);
            case ASSIGNED -> EnumSet.of(TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED, TicketStatus.CLOSED);
            case PENDING_CUSTOMER -> EnumSet.of(TicketStatus.ASSIGNED, TicketStatus.RESOLVED, TicketStatus.CLOSED);
            case RESOLVED -> EnumSet.of(TicketStatus.ASSIGNED, TicketStatus.CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    // ------------------------------------------------------------------ changing

    @Override
    public Ticket transition(String ticketId, TicketStatus status, KefuUser actor) {
        long id = parse(ticketId);
        TicketRow row = row(id);
        TicketStatus from = TicketStatus.valueOf(row.status);
        if (from == status) {
            return require(ticketId);
        }
        if (!allowed(from).contains(status)) {
            throw new IllegalStateException("a " + from + " ticket cannot become " + status
                    + (from == TicketStatus.TRIAGE || from == TicketStatus.NEW ? ": give it an assignee first" : ""));
        }
        String key = String.valueOf(id);
        switch (status) {
            case PENDING_CUSTOMER -> {
                completeWork(key, "pending");
                stopClock(id, SlaTarget.FIRST_RESPONSE, "sla-stop");
                stopClock(id, SlaTarget.RESOLUTION, "sla-pause");
            }
            case RESOLVED -> {
                if (from == TicketStatus.PENDING_CUSTOMER) {
                    workflows.signal(LIFECYCLE, key, "customer-replied", Map.of("resumedBy", name(actor)));
                    stopClock(id, SlaTarget.RESOLUTION, "sla-resume");
                }
                completeWork(key, "resolved");
                stopClock(id, SlaTarget.FIRST_RESPONSE, "sla-stop");
                stopClock(id, SlaTarget.RESOLUTION, "sla-stop");
            }
            case ASSIGNED -> resume(id, from, name(actor));
            case CLOSED -> {
                workflows.cancel(LIFECYCLE, key, "closed by " + name(actor));
                for (SlaTarget target : SlaTarget.values()) {
                    stopClock(id, target, "sla-stop");
                }
                setStatus(id, TicketStatus.CLOSED, name(actor));
            }
            default -> throw new IllegalStateException("a ticket cannot be moved to " + status + " by hand");
        }
        Ticket ticket = require(ticketId);
        tell(status == TicketStatus.CLOSED ? "closed" : "updated", ticket, name(actor));
        return ticket;
    }

    /** Back to work: the customer answered a pending ticket, or wrote again about a resolved one. */
    private void resume(long id, TicketStatus from, String by) {
        String key = String.valueOf(id);
        if (from == TicketStatus.PENDING_CUSTOMER) {
            workflows.signal(LIFECYCLE, key, "customer-replied", Map.of("resumedBy", by));
            stopClock(id, SlaTarget.RESOLUTION, "sla-resume");
        } else if (from == TicketStatus.RESOLVED) {
            workflows.signal(LIFECYCLE, key, "customer-replied", Map.of("resumedBy", by));
            startClock(id, SlaTarget.RESOLUTION, clock.instant());
        }
    }

    /** The customer wrote in a conversation linked to tickets: pending ones resume, resolved ones reopen. */
    void customerWrote(String conversationId) {
        for (Ticket ticket : forConversation(conversationId)) {
            if (ticket.status() == TicketStatus.PENDING_CUSTOMER || ticket.status() == TicketStatus.RESOLVED) {
                resume(Long.parseLong(ticket.id()), ticket.status(), "customer");
                tell("updated", require(ticket.id()), "customer");
            }
        }
    }

    private void completeWork(String key, String outcome) {
        WorkTask work = workflows.tasks(key).stream().filter(t -> "work".equals(t.activityId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("ticket " + key + " is not being worked on"));
        workflows.complete(work.id(), Map.of("outcome", outcome), null);
    }

    private void stopClock(long id, SlaTarget target, String message) {
        workflows.signal(CLOCK, target.clockKey(id), message, Map.of());
    }

    /** What people may change on a ticket; null leaves a value as it is. */
    record Change(Priority priority, String teamId, String assigneeId, boolean unassign, String type, String subject,
            Map<String, String> fields) {
    }

    Ticket update(String ticketId, Change change, KefuUser actor) {
        long id = parse(ticketId);
        String by = name(actor);
        Instant now = clock.instant();
        if (change.subject() != null && (change.subject().isBlank() || change.subject().length() > MAX_SUBJECT)) {
            throw new IllegalArgumentException("the subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        boolean[] retarget = {false};
        String[] assigned = {null};
        TicketRow before = row(id);
        data.execute(mapper -> {
            TicketRow row = mapper.lock(id);
            List<String> changes = new ArrayList<>();
            if (change.priority() != null && !change.priority().name().equals(row.priority)) {
                changes.add("priority " + row.priority + " → " + change.priority());
                row.priority = change.priority().name();
                retarget[0] = true;
            }
            if (!blank(change.teamId()) && !change.teamId().equals(row.teamId)) {
                changes.add("team " + row.teamId + " → " + change.teamId());
                row.teamId = change.teamId().strip();
                retarget[0] = true;
            }
            if (change.unassign() && row.assigneeId != null) {
                changes.add("unassigned from " + row.assigneeId);
                row.assigneeId = null;
                assigned[0] = "";
            } else if (!blank(change.assigneeId()) && !change.assigneeId().equals(row.assigneeId)) {
                changes.add("assigned to " + change.assigneeId());
                row.assigneeId = change.assigneeId();
                assigned[0] = change.assigneeId();
            }
            if (!blank(change.type()) && !change.type().equals(row.type)) {
                changes.add("type " + row.type + " → " + change.type());
                row.type = change.type().strip();
            }
            if (change.subject() != null && !change.subject().strip().equals(row.subject)) {
                changes.add("subject changed");
                row.subject = change.subject().strip();
            }
            if (change.fields() != null) {
                change.fields().forEach((name, value) -> {
                    mapper.deleteField(id, name);
                    if (value != null && !value.isEmpty()) {
                        mapper.insertField(new FieldRow(id, name, value));
                    }
                });
                if (!change.fields().isEmpty()) {
                    changes.add("fields " + String.join(", ", change.fields().keySet()));
                }
            }
            if (mapper.fields(id).size() > MAX_FIELDS) {
                throw new IllegalArgumentException("a ticket holds at most " + MAX_FIELDS + " custom fields");
            }
            row.updatedAt = now;
            mapper.update(row);
            if (!changes.isEmpty()) {
                mapper.history(id, now, by, "changed", String.join("; ", changes));
            }
        });
        TicketStatus status = TicketStatus.valueOf(before.status);
        if (assigned[0] != null || retarget[0]) {
            applyToProcess(id, status, assigned[0], retarget[0]);
        }
        Ticket ticket = require(ticketId);
        tell("updated", ticket, by);
        return ticket;
    }

    /** Carries a new assignee or team over to the ticket's process and SLA clocks. */
    private void applyToProcess(long id, TicketStatus status, String assignee, boolean retarget) {
        String key = String.valueOf(id);
        TicketRow row = row(id);
        Map<String, Object> variables = new HashMap<>();
        variables.put("teamId", row.teamId);
        if (assignee != null) {
            variables.put("assigneeId", assignee);
        }
        if (row.processInstanceId != null && status != TicketStatus.CLOSED) {
            workflows.setVariables(row.processInstanceId, variables);
        }
        for (WorkTask task : workflows.tasks(key)) {
            if ("triage".equals(task.activityId()) && assignee != null && !assignee.isEmpty()) {
                workflows.complete(task.id(), Map.of("assigneeId", assignee), null);
            } else if ("work".equals(task.activityId()) && assignee != null) {
                workflows.assignTask(task.id(), assignee.isEmpty() ? null : assignee);
            }
        }
        if (retarget) {
            for (SlaTarget target : SlaTarget.values()) {
                stopClock(id, target, "sla-recalculate");
            }
        }
    }

    @Override
    public void comment(String ticketId, String body, boolean publicReply, KefuUser actor) {
        addComment(ticketId, body, publicReply, actor);
    }

    TicketMapper.CommentRow addComment(String ticketId, String body, boolean publicReply, KefuUser actor) {
        long id = parse(ticketId);
        if (blank(body)) {
            throw new IllegalArgumentException("a comment needs text");
        }
        if (body.length() > 20_000) {
            throw new IllegalArgumentException("a comment holds at most 20000 characters");
        }
        Instant now = clock.instant();
        TicketMapper.CommentRow comment = new TicketMapper.CommentRow(UUID.randomUUID().toString(), id,
                actor == null ? null : actor.id(), name(actor), body, publicReply, now);
        boolean[] firstResponse = {false};
        data.execute(mapper -> {
            TicketRow row = mapper.lock(id);
            if (row == null) {
                throw new NoSuchElementException("no ticket " + ticketId);
            }
            mapper.insertComment(comment);
            row.updatedAt = now;
            if (publicReply && actor != null && row.firstResponseAt == null) {
                row.firstResponseAt = now;
                firstResponse[0] = true;
            }
            mapper.update(row);
        });
        if (firstResponse[0]) {
            stopClock(id, SlaTarget.FIRST_RESPONSE, "sla-stop");
        }
        tell("commented", require(ticketId), name(actor));
        return comment;
    }

    TicketMapper.AttachmentRow attach(String ticketId, String fileName, String contentType, long sizeBytes, String url,
            KefuUser actor) {
        long id = parse(ticketId);
        if (blank(fileName) || fileName.length() > 300) {
            throw new IllegalArgumentException("an attachment needs a file name of at most 300 characters");
        }
        if (blank(url) || url.length() > 2000 || !(url.startsWith("https://") || url.startsWith("http://")
                || url.startsWith("/"))) {
            throw new IllegalArgumentException("an attachment needs the http(s) address where it is stored");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("the size cannot be negative");
        }
        Instant now = clock.instant();
        TicketMapper.AttachmentRow attachment = new TicketMapper.AttachmentRow(UUID.randomUUID().toString(), id,
                fileName, blank(contentType) ? "application/octet-stream" : contentType, sizeBytes, url,
                actor == null ? null : actor.id(), now);
        data.execute(mapper -> {
            if (mapper.lock(id) == null) {
                throw new NoSuchElementException("no ticket " + ticketId);
            }
            mapper.insertAttachment(attachment);
            mapper.history(id, now, name(actor), "attachment", fileName);
        });
        return attachment;
    }

    void linkConversation(String ticketId, String conversationId, KefuUser actor) {
        long id = parse(ticketId);
        Instant now = clock.instant();
        data.execute(mapper -> {
            if (mapper.lock(id) == null) {
                throw new NoSuchElementException("no ticket " + ticketId);
            }
            if (mapper.links(id).stream().noneMatch(l -> l.conversationId().equals(conversationId))) {
                mapper.link(id, conversationId, now);
                mapper.history(id, now, name(actor), "linked", "conversation " + conversationId);
            }
        });
    }

    // ------------------------------------------------------------------ called by the processes' steps

    /** A lifecycle step sets where the ticket is. */
    void setStatus(long id, TicketStatus status, String by) {
        Instant now = clock.instant();
        data.execute(mapper -> {
            TicketRow row = mapper.lock(id);
            if (row == null) {
                throw new NoSuchElementException("no ticket " + id);
            }
            if (row.status.equals(status.name())) {
                return;
            }
            String previous = row.status;
            row.status = status.name();
            row.updatedAt = now;
            if (status == TicketStatus.RESOLVED) {
                row.resolvedAt = now;
            } else if (status == TicketStatus.CLOSED) {
                row.closedAt = now;
            }
            mapper.update(row);
            mapper.history(id, now, by, "status", previous + " → " + status);
        });
    }

    /** The assignee the lifecycle's triage chose. */
    void assignFromProcess(long id, String assigneeId) {
        if (blank(assigneeId)) {
            return;
        }
        Instant now = clock.instant();
        data.execute(mapper -> {
            TicketRow row = mapper.lock(id);
            if (row != null && !assigneeId.equals(row.assigneeId)) {
                row.assigneeId = assigneeId;
                row.updatedAt = now;
                mapper.update(row);
                mapper.history(id, now, null, "changed", "assigned to " + assigneeId);
            }
        });
    }

    void reopened(long id) {
        Instant now = clock.instant();
        data.execute(mapper -> {
            TicketRow row = mapper.lock(id);
            row.reopenCount++;
            row.resolvedAt = null;
            row.updatedAt = now;
            mapper.update(row);
            mapper.history(id, now, null, "reopened", "The customer wrote again");
        });
    }

    /** The targets that apply to a ticket now (its priority and its customer's tier). */
    SlaPolicies.Targets targets(TicketRow row) {
        CustomerTier tier = CustomerTier.STANDARD;
        Customers directory = customers;
        if (row.customerId != null && directory != null) {
            tier = directory.find(row.customerId).map(Customer::tier).orElse(CustomerTier.STANDARD);
        }
        return policies.targets(Priority.valueOf(row.priority), tier).orElseThrow(() -> new IllegalStateException(
                "no SLA target matches priority " + row.priority + "; add one without a tier to the policies"));
    }

    SlaRow sla(long id, SlaTarget target) {
        return data.read(mapper -> mapper.sla(id, target.name()));
    }

    void saveSla(SlaRow row) {
        data.execute(mapper -> mapper.updateSla(row));
    }

    void recordSla(long id, String kind, String detail) {
        Instant now = clock.instant();
        data.execute(mapper -> mapper.history(id, now, "SLA", kind, detail));
    }

    /** At breach: the ticket moves to the escalation team, unassigned, and the supervisors hear of it. */
    void escalate(long id, SlaTarget target) {
        TicketRow row = row(id);
        String team = policies.escalationTeam();
        update(String.valueOf(id), new Change(null, team, null, true, null, null, null), null);
        notifyPeople(policies.escalationNotify(), "SLA breached: ticket #" + id, "The " + target.name().toLowerCase()
                + " target of ticket #" + id + " (" + row.subject + ") is breached; it moved to " + team + ".", id);
    }

    /** Before breach: the assignee (or the team) is warned. */
    void warn(long id, SlaTarget target, Instant dueAt) {
        TicketRow row = row(id);
        notifyPeople(row.assigneeId != null ? row.assigneeId : row.teamId, "SLA warning: ticket #" + id,
                "The " + target.name().toLowerCase() + " target of ticket #" + id + " (" + row.subject + ") is due at "
                        + dueAt + ".", id);
    }

    private void notifyPeople(String recipient, String subject, String text, long ticketId) {
        Notification notification = new Notification(recipient, subject, text, Map.of("ticket", String.valueOf(ticketId)));
        for (Notifier notifier : notifiers) {
            try {
                notifier.notify(notification);
            } catch (RuntimeException e) {
                LOG.warn("Notifier {} failed for ticket #{}: {}", notifier.getClass().getName(), ticketId, e.getMessage());
            }
        }
    }

    Duration sinceStart(SlaRow row, Instant now) {
        return Duration.between(row.startedAt(), now);
    }

    // ------------------------------------------------------------------ metrics

    List<TicketMapper.CountRow> openByStatus() {
        return data.read(mapper -> mapper.openByStatus(clock.millis()));
    }

    List<TicketMapper.SlaCountRow> slaCounts(Instant from) {
        return data.read(mapper -> mapper.slaCounts(from));
    }

    // ------------------------------------------------------------------ helpers

    private void tell(String kind, Ticket ticket, String actor) {
        TicketEvent event = new TicketEvent(kind, ticket, actor);
        for (TicketListener listener : listeners) {
            try {
                listener.ticketChanged(event);
            } catch (RuntimeException e) {
                LOG.warn("Ticket listener {} failed on ticket #{}: {}", listener.getClass().getName(), ticket.id(),
                        e.getMessage());
            }
        }
    }

    static long parse(String ticketId) {
        try {
            return Long.parseLong(ticketId == null ? "" : ticketId.strip().replace("#", ""));
        } catch (NumberFormatException e) {
            throw new NoSuchElementException("no ticket " + ticketId);
        }
    }

    static String name(KefuUser actor) {
        return actor == null ? "Kefu" : actor.displayName();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
