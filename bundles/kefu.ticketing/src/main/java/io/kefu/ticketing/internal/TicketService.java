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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
 * Tickets: their rows, their lifecycle process ({@code ticket-lifecycle}) and their service-level targets. The
 * process is the authority on where a ticket is: moving a ticket completes or signals its process, and the process's
 * steps set the status and what it means for the targets ({@link TicketActions}), in one Kefu transaction per step.
 * The targets' state lives in {@code ticket_sla} ({@link SlaClock} does the arithmetic); the lifecycle holds one
 * timer per ticket that fires at the earliest warning or deadline ({@code ticket.sla_check_at}).
 */
@Component(service = {Tickets.class, TicketService.class}, configurationPid = "kefu.ticketing")
@Designate(ocd = TicketingConfig.class)
public final class TicketService implements Tickets {
    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);
    static final String LIFECYCLE = "ticket-lifecycle";
    /** The lifecycle's SLA timer (an intermediate timer event) and the step that checks the targets when it fires. */
    static final String SLA_TIMER = "slaDue";
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_FIELDS = 50;

    private final TicketData data;
    private final Workflows workflows;
    private final SlaPolicies policies;
    private final String defaultTeam;
    private final String autoCloseAfter;
    private final boolean ticketsFromEmail;
    private final Clock clock;
    private final SlaClock slaClock;
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
        this.slaClock = new SlaClock(policies.warnAt());
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
        // The targets start with the ticket; the lifecycle's SLA timer is set to the first warning.
        SlaPolicies.Targets targets = targets(row);
        List<SlaRow> slas = new ArrayList<>();
        for (SlaTarget target : SlaTarget.values()) {
            slas.add(slaClock.start(0, target, targets, now));
        }
        row.slaCheckAt = SlaClock.next(slas);
        data.execute(mapper -> {
            mapper.insert(row);
            for (SlaRow sla : slas) {
                mapper.insertSla(sla.forTicket(row.id));
            }
            if (request.conversationId() != null) {
                mapper.link(row.id, request.conversationId(), now);
            }
            request.customFields().forEach((name, value) -> mapper.insertField(new FieldRow(row.id, name, value)));
            mapper.history(row.id, now, by, "created", "Created from " + row.source + " as " + row.type + ", "
                    + row.priority + ", team " + row.teamId);
        });
        long id = row.id;
        // The ticket exists before its process: if the engine fails now, the ticket is still there to retry. The
        // process's first step records its instance on the ticket.
        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", String.valueOf(id));
        variables.put("teamId", row.teamId);
        variables.put("assigneeId", row.assigneeId == null ? "" : row.assigneeId);
        variables.put("autoCloseAfter", autoCloseAfter);
        variables.put("slaCheckAt", Date.from(row.slaCheckAt));
        workflows.start(LIFECYCLE, String.valueOf(id), variables);
        Ticket ticket = require(String.valueOf(id));
        tell("created", ticket, by);
        LOG.info("Ticket #{} created ({}, {}, team {})", id, type, row.priority, row.teamId);
        return ticket;
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
        String instance = lifecycle(row);
        switch (status) {
            case PENDING_CUSTOMER -> completeWork(id, instance, "pending");
            case RESOLVED -> {
                if (from == TicketStatus.PENDING_CUSTOMER) {
                    resume(instance, name(actor));
                }
                completeWork(id, instance, "resolved");
            }
            case ASSIGNED -> {
                if (!resume(instance, name(actor))) {
                    throw new IllegalStateException("ticket #" + id + " is not waiting for the customer");
                }
            }
            case CLOSED -> {
                workflows.cancel(LIFECYCLE, String.valueOf(id), "closed by " + name(actor));
                enterStep(id, TicketStatus.CLOSED.name(), null, null, name(actor), null);
            }
            default -> throw new IllegalStateException("a ticket cannot be moved to " + status + " by hand");
        }
        Ticket ticket = require(ticketId);
        tell(status == TicketStatus.CLOSED ? "closed" : "updated", ticket, name(actor));
        return ticket;
    }

    /** The ticket's lifecycle instance: recorded by its first step, looked up for a ticket from before that. */
    private String lifecycle(TicketRow row) {
        if (row.processInstanceId != null) {
            return row.processInstanceId;
        }
        return workflows.running(LIFECYCLE, String.valueOf(row.id)).orElseThrow(
                () -> new IllegalStateException("ticket #" + row.id + " has no running lifecycle"));
    }

    /**
     * Back to work: the customer answered a pending ticket, or wrote again about a resolved one (the lifecycle
     * reopens it). Either way the lifecycle hears that the customer replied.
     */
    private boolean resume(String instance, String by) {
        return workflows.signalInstance(instance, "customer-replied", Map.of("resumedBy", by));
    }

    /** The customer wrote in a conversation linked to tickets: pending ones resume, resolved ones reopen. */
    void customerWrote(String conversationId) {
        // Every inbound message asks this: the rows alone (status, instance), whole tickets only for those that move.
        for (TicketRow row : data.read(mapper -> mapper.forConversation(conversationId))) {
            TicketStatus status = TicketStatus.valueOf(row.status);
            if (status == TicketStatus.PENDING_CUSTOMER || status == TicketStatus.RESOLVED) {
                resume(lifecycle(row), "customer");
                tell("updated", require(String.valueOf(row.id)), "customer");
            }
        }
    }

    private void completeWork(long id, String instance, String outcome) {
        try {
            workflows.completeStep(instance, "work", Map.of("outcome", outcome));
        } catch (NoSuchElementException e) {
            throw new IllegalStateException("ticket #" + id + " is not being worked on");
        }
    }

    /** What people may change on a ticket; null leaves a value as it is. */
    record Change(Priority priority, String teamId, String assigneeId, boolean unassign, String type, String subject,
            Map<String, String> fields) {
    }

    Ticket update(String ticketId, Change change, KefuUser actor) {
        return update(ticketId, change, actor, true, null);
    }

    /**
     * {@code moveTimer} false: called from the SLA check itself (an escalation), whose timer is firing and which
     * sets the next time itself. {@code stepConnection}: a process step's (see {@link #enterStep}), or null.
     */
    Ticket update(String ticketId, Change change, KefuUser actor, boolean moveTimer,
            java.sql.Connection stepConnection) {
        long id = parse(ticketId);
        String by = name(actor);
        Instant now = clock.instant();
        if (change.subject() != null && (change.subject().isBlank() || change.subject().length() > MAX_SUBJECT)) {
            throw new IllegalArgumentException("the subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        boolean[] retarget = {false};
        String[] assigned = {null};
        TicketRow[] after = {null};
        data.inStep(stepConnection, mapper -> {
            TicketRow row = mapper.lock(id);
            if (row == null) {
                throw new NoSuchElementException("no ticket " + ticketId);
            }
            after[0] = row;
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
            if (retarget[0]) {
                // A new priority or team: the targets not yet over take the goals that apply now.
                SlaPolicies.Targets targets = targets(row);
                changeSlas(mapper, row, (target, sla, was) -> slaClock.retarget(sla, targets, was, now), moveTimer);
            }
            row.updatedAt = now;
            mapper.update(row);
            if (!changes.isEmpty()) {
                mapper.history(id, now, by, "changed", String.join("; ", changes));
            }
        });
        if (assigned[0] != null || retarget[0]) {
            applyToProcess(after[0], assigned[0]);
        }
        Ticket ticket = require(ticketId);
        tell("updated", ticket, by);
        return ticket;
    }

    /**
     * Carries a new assignee or team over to the ticket's process; {@code row} as the change left it (inside a step
     * it is not committed yet, so it is not read again).
     */
    private void applyToProcess(TicketRow row, String assignee) {
        String key = String.valueOf(row.id);
        Map<String, Object> variables = new HashMap<>();
        variables.put("teamId", row.teamId);
        if (assignee != null) {
            variables.put("assigneeId", assignee);
        }
        if (row.processInstanceId != null && !row.status.equals(TicketStatus.CLOSED.name())) {
            workflows.setVariables(row.processInstanceId, variables);
        }
        for (WorkTask task : workflows.tasks(key)) {
            if ("triage".equals(task.activityId()) && assignee != null && !assignee.isEmpty()) {
                workflows.complete(task.id(), Map.of("assigneeId", assignee), null);
            } else if ("work".equals(task.activityId()) && assignee != null) {
                workflows.assignTask(task.id(), assignee.isEmpty() ? null : assignee);
            }
        }
    }

    @Override
    public void comment(String ticketId, String body, boolean publicReply, KefuUser actor) {
        addComment(ticketId, body, publicReply, actor);
    }

    TicketMapper.CommentRow addComment(String ticketId, String body, boolean publicReply, KefuUser actor) {
        return addComment(ticketId, body, publicReply, actor, null);
    }

    /** {@code stepConnection}: a process step's (see {@link #enterStep}), or null. */
    TicketMapper.CommentRow addComment(String ticketId, String body, boolean publicReply, KefuUser actor,
            java.sql.Connection stepConnection) {
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
        data.inStep(stepConnection, mapper -> {
            TicketRow row = mapper.lock(id);
            if (row == null) {
                throw new NoSuchElementException("no ticket " + ticketId);
            }
            mapper.insertComment(comment);
            row.updatedAt = now;
            if (publicReply && actor != null && row.firstResponseAt == null) {
                row.firstResponseAt = now;
                changeSlas(mapper, row, (target, sla, policy) -> target == SlaTarget.FIRST_RESPONSE
                        ? slaClock.met(sla, policy, now) : sla, false);
            }
            mapper.update(row);
        });
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

    /**
     * A lifecycle step ({@code TRIAGE}, {@code ASSIGNED}, {@code PENDING_CUSTOMER}, {@code RESOLVED}, {@code CLOSED},
     * or {@code REOPENED} on the way back to work): the ticket's status, the assignee the process chose, and what
     * the step means for the service levels, in one transaction. Working on it runs the targets (a paused
     * resolution target resumes), asking the customer meets the first response and pauses the resolution target,
     * resolving or closing meets both, reopening starts a new resolution target. The first step also records the
     * instance on the ticket. {@code stepConnection}: the step's own (its transaction's), or null outside a step.
     * Inside a step, every write to the ticket goes through that connection ({@link #update}, {@link #addComment}
     * take one too): the step holds the ticket's row lock until the process commits, and a session of its own
     * would wait for that lock on the same thread.
     */
    void enterStep(long id, String step, String processInstanceId, String assigneeId, String by,
            java.sql.Connection stepConnection) {
        Instant now = clock.instant();
        data.inStep(stepConnection, mapper -> {
            TicketRow row = mapper.lock(id);
            if (row == null) {
                throw new NoSuchElementException("no ticket " + id);
            }
            if (row.processInstanceId == null) {
                row.processInstanceId = processInstanceId;
            }
            row.updatedAt = now;
            if ("REOPENED".equals(step)) {
                row.reopenCount++;
                row.resolvedAt = null;
                mapper.history(id, now, by, "reopened", "The customer wrote again");
                SlaRow restarted = slaClock.start(id, SlaTarget.RESOLUTION, targets(row), now);
                mapper.deleteSla(id, SlaTarget.RESOLUTION.name());
                mapper.insertSla(restarted);
                keepTimer(row, mapper.slas(id), true);
                mapper.update(row);
                return;
            }
            TicketStatus status = TicketStatus.valueOf(step);
            switch (status) {
                case TRIAGE, ASSIGNED -> {
                    if (status == TicketStatus.ASSIGNED && !blank(assigneeId) && !assigneeId.equals(row.assigneeId)) {
                        row.assigneeId = assigneeId;
                        mapper.history(id, now, by, "changed", "assigned to " + assigneeId);
                    }
                    changeSlas(mapper, row, (target, sla, policy) -> slaClock.resume(sla, policy, now), true);
                }
                case PENDING_CUSTOMER -> changeSlas(mapper, row, (target, sla, policy) ->
                        target == SlaTarget.FIRST_RESPONSE ? slaClock.met(sla, policy, now)
                                : slaClock.pause(sla, policy, now), false);
                case RESOLVED, CLOSED -> changeSlas(mapper, row,
                        (target, sla, policy) -> slaClock.met(sla, policy, now), false);
                default -> {
                    // NEW: nothing has started yet
                }
            }
            if (!row.status.equals(status.name())) {
                String previous = row.status;
                row.status = status.name();
                if (status == TicketStatus.RESOLVED) {
                    row.resolvedAt = now;
                } else if (status == TicketStatus.CLOSED) {
                    row.closedAt = now;
                }
                mapper.history(id, now, by, "status", previous + " → " + status);
            }
            mapper.update(row);
        });
    }

    /**
     * The SLA timer fired: targets past their warning time are warned (the assignee hears of it), targets past their
     * goal are breached and escalated. Answers when to look next: the earliest warning or deadline left, or
     * {@link SlaClock#PARKED} when no target runs.
     */
    Instant checkSla(long id, Instant now) {
        List<SlaClock.Checked> found = new ArrayList<>();
        data.execute(mapper -> {
            TicketRow row = mapper.lock(id);
            if (row == null) {
                throw new NoSuchElementException("no ticket " + id);
            }
            for (SlaRow sla : mapper.slas(id)) {
                SlaClock.Checked checked = slaClock.check(sla, policyOf(sla, row), now);
                if (checked.event() == SlaClock.Event.NONE) {
                    continue;
                }
                mapper.updateSla(checked.row());
                found.add(checked);
                mapper.history(id, now, "SLA", checked.event() == SlaClock.Event.BREACHED ? "sla-breached"
                        : "sla-warning", checked.event() == SlaClock.Event.BREACHED
                        ? sla.target() + " target breached (" + sla.policy() + ")"
                        : sla.target() + " target due at " + sla.dueAt());
            }
        });
        for (SlaClock.Checked checked : found) {
            SlaTarget target = SlaTarget.valueOf(checked.row().target());
            if (checked.event() == SlaClock.Event.BREACHED) {
                escalate(id, target);
            } else {
                warn(id, target, checked.row().dueAt());
            }
        }
        // After an escalation, which may have re-targeted: the next time from the targets as they are now.
        return data.write(mapper -> {
            TicketRow row = mapper.lock(id);
            Instant next = SlaClock.next(mapper.slas(id));
            row.slaCheckAt = next == null ? SlaClock.PARKED : next;
            mapper.update(row);
            return row.slaCheckAt;
        });
    }

    /** How a change treats one target: the row as it becomes, from the row, and the rule it runs by. */
    @FunctionalInterface
    interface SlaChange {
        SlaRow apply(SlaTarget target, SlaRow row, SlaPolicies.Targets policy);
    }

    /**
     * Applies {@code change} to the ticket's targets in the caller's transaction and, with {@code moveTimer}, moves
     * the SLA timer earlier when the change brought a warning or deadline before it. The caller saves {@code row}.
     */
    private void changeSlas(TicketMapper mapper, TicketRow row, SlaChange change, boolean moveTimer) {
        List<SlaRow> after = new ArrayList<>();
        boolean changed = false;
        for (SlaRow sla : mapper.slas(row.id)) {
            SlaRow next = change.apply(SlaTarget.valueOf(sla.target()), sla, policyOf(sla, row));
            if (next != sla) {
                mapper.updateSla(next);
                changed = true;
            }
            after.add(next);
        }
        if (changed) {
            keepTimer(row, after, moveTimer);
        }
    }

    /**
     * Keeps the SLA timer no later than the earliest warning or deadline of {@code slas}. Later deadlines leave the
     * timer where it is: it fires early, finds nothing due and sets the next time, which costs one check instead of
     * a move on every pause and answer. Inside a process step the move joins the step's transaction.
     */
    private void keepTimer(TicketRow row, List<SlaRow> slas, boolean move) {
        Instant next = SlaClock.next(slas);
        if (!move || next == null || row.processInstanceId == null
                || (row.slaCheckAt != null && !next.isBefore(row.slaCheckAt))) {
            return;
        }
        if (workflows.moveTimer(row.processInstanceId, SLA_TIMER, next)) {
            row.slaCheckAt = next;
        }
    }

    /** The rule a target runs by: the one it was set with, or the one that applies now if that rule is gone. */
    private SlaPolicies.Targets policyOf(SlaRow sla, TicketRow row) {
        return policies.named(sla.policy()).orElseGet(() -> targets(row));
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

    /** At breach: the ticket moves to the escalation team, unassigned, and the supervisors hear of it. */
    void escalate(long id, SlaTarget target) {
        TicketRow row = row(id);
        String team = policies.escalationTeam();
        update(String.valueOf(id), new Change(null, team, null, true, null, null, null), null, false, null);
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

    // ------------------------------------------------------------------ metrics

    List<TicketMapper.CountRow> openByStatus() {
        long now = clock.millis();
        return data.read(mapper -> mapper.openByStatus(now - 3_600_000L, now - 8 * 3_600_000L, now - 24 * 3_600_000L,
                now - 72 * 3_600_000L));
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
