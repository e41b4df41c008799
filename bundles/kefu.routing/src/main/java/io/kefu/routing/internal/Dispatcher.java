package io.kefu.routing.internal;

import io.kefu.api.agent.Agent;
import io.kefu.api.agent.Agents;
import io.kefu.api.agent.Presence;
import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.HandlingState;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.customer.Customer;
import io.kefu.api.customer.Customers;
import io.kefu.api.nlu.NluEvents;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.SentimentLabel;
import io.kefu.api.nlu.Understanding;
import io.kefu.api.routing.ActionKind;
import io.kefu.api.routing.RoutingAction;
import io.kefu.api.routing.RoutingEvents;
import io.kefu.api.spi.Notification;
import io.kefu.api.spi.Notifier;
import io.kefu.routing.facts.Contact;
import io.kefu.routing.facts.CustomerProfile;
import io.kefu.routing.facts.Now;
import io.kefu.routing.facts.QueueLoad;
import io.kefu.routing.internal.RoutingMapper.AgentRow;
import io.kefu.routing.internal.RoutingMapper.AlertRow;
import io.kefu.routing.internal.RoutingMapper.DecisionRow;
import io.kefu.routing.internal.RoutingMapper.QueueRow;
import io.kefu.routing.internal.RoutingMapper.WaitingRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes conversations to agents. One thread ({@code kefu-routing}) owns the agents' state and the waiting queues,
 * so decisions and assignments never race; events, REST calls and the periodic look at waiting conversations all
 * hand their work to it.
 *
 * <p>For each conversation that needs a person the live rules decide queue, skills, priority and actions
 * ({@link RuleSets}); the decision is recorded with the facts the rules saw; then the best qualified agent with room
 * gets it at once ({@link AgentSelector}), or it waits in its queue, ordered by priority and then waiting time, and
 * is offered as soon as an agent frees capacity or comes online. When the rules fail the conversation still goes
 * to the default queue, with the error on the decision and an alert for admins: nothing is lost.
 */
@Component(service = {Dispatcher.class, Agents.class, EventHandler.class}, configurationPid = "kefu.routing",
        immediate = true)
@EventTopics({ConversationEvents.OPENED, ConversationEvents.HANDED_OFF, ConversationEvents.ASSIGNED,
    ConversationEvents.STATUS_CHANGED, NluEvents.UNDERSTOOD})
public final class Dispatcher implements EventHandler, Agents {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int ALERTS_SHOWN = 50;
    private static final int MISSED_AT_START = 1000;

    /** A conversation waiting in a queue. */
    static final class Waiting {
        final String conversationId;
        final String channel;
        final String customerId;
        final Instant since;
        String queueId;
        int priority;
        RuleOutcome outcome;
        String decisionId;
        /** The customer's last agent when the rules looked, or null (loaded at start: looked up when needed). */
        String lastAgent;
        boolean lastAgentKnown;

        Waiting(String conversationId, String channel, String customerId, Instant since) {
            this.conversationId = conversationId;
            this.channel = channel;
            this.customerId = customerId;
            this.since = since;
        }
    }

    /** Who holds a conversation, so their load drops when it is resolved or moves. */
    private record Held(String agentId, String channel) {
    }

    public record QueueView(String id, String name, String teamId, int waiting, long longestWaitSeconds,
            List<WaitingView> conversations) {
    }

    public record WaitingView(String conversationId, String channel, String customerId, int priority,
            Instant waitingSince, long waitingSeconds) {
    }

    public record AgentView(String userId, String displayName, Presence presence, Instant presenceSince,
            Map<String, Integer> load, Map<String, Integer> capacity, Map<String, Integer> skills, Set<String> teams) {
    }

    public record AlertView(String id, Instant at, String conversationId, String kind, String message, String rule) {
    }

    public record Board(List<QueueView> queues, List<AgentView> agents, List<AlertView> alerts) {
    }

    private final Conversations conversations;
    private final Customers customers;
    private final Understanding understanding;
    private final RuleSets ruleSets;
    private final RoutingData data;
    private final EventAdmin events;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final AgentSelector selector = new AgentSelector();
    private volatile RoutingConfig config;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();

    // Owned by the routing thread.
    private final Map<String, AgentState> agents = new LinkedHashMap<>();
    private final Map<String, QueueRow> queues = new LinkedHashMap<>();
    private final Map<String, Waiting> waiting = new HashMap<>();
    private final Map<String, Held> held = new HashMap<>();
    private final Set<String> escalated = new HashSet<>();

    @Activate
    public Dispatcher(@Reference Conversations conversations, @Reference Customers customers,
            @Reference Understanding understanding, @Reference RuleSets ruleSets, @Reference RoutingData data,
            @Reference EventAdmin events, RoutingConfig config) {
        this(conversations, customers, understanding, ruleSets, data, events, config, Clock.systemUTC());
    }

    Dispatcher(Conversations conversations, Customers customers, Understanding understanding, RuleSets ruleSets,
            RoutingData data, EventAdmin events, RoutingConfig config, Clock clock) {
        this.conversations = conversations;
        this.customers = customers;
        this.understanding = understanding;
        this.ruleSets = ruleSets;
        this.data = data;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kefu-routing");
            t.setDaemon(true);
            return t;
        });
        thread.execute(this::load);
        int every = Math.max(1, config.waitingCheckSeconds());
        thread.scheduleWithFixedDelay(this::reviewWaiting, every, every, TimeUnit.SECONDS);
    }

    @Modified
    void modified(RoutingConfig config) {
        this.config = config;
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
        try {
            // A new instance (the store moved, a configuration changed) must not run beside this one's last task.
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void addNotifier(Notifier notifier) {
        notifiers.add(notifier);
    }

    // ------------------------------------------------------------------ state at start

    private void load() {
        try {
            data.read(RoutingMapper::queues).forEach(q -> queues.put(q.id(), q));
            for (AgentRow row : data.read(RoutingMapper::agents)) {
                AgentState agent = new AgentState(row.userId(), row.displayName(), Profiles.intMap(row.skills()),
                        Profiles.stringSet(row.teams()), Profiles.intMap(row.capacity()),
                        Presence.valueOf(row.presence()), row.presenceSince());
                agent.lastAssignedAt = row.lastAssignedAt();
                agents.put(agent.userId, agent);
            }
            for (RoutingMapper.HeldRow row : data.read(RoutingMapper::held)) {
                held.put(row.id(), new Held(row.assigneeId(), row.channel()));
                AgentState agent = agents.get(row.assigneeId());
                if (agent != null) {
                    agent.changeLoad(row.channel(), 1);
                }
            }
            for (WaitingRow row : data.read(RoutingMapper::waiting)) {
                Waiting entry = new Waiting(row.conversationId(), row.channel(), row.customerId(),
                        row.waitingSince());
                entry.queueId = row.queueId();
                entry.priority = row.priority();
                entry.outcome = new RuleOutcome(row.queueId(), Profiles.intMap(row.skills()), row.priority(),
                        row.strategy(), row.preferLast(), List.of(), List.of());
                waiting.put(entry.conversationId, entry);
            }
            // Conversations that became queued while routing was not running (its events are lost then).
            List<String> missed = data.read(m -> m.queuedWithoutRouting(MISSED_AT_START));
            for (String id : missed) {
                conversations.find(id).ifPresent(c -> route(c, "NEW"));
            }
            LOG.info("Routing: {} queues, {} agents, {} conversations waiting ({} picked up at start)",
                    queues.size(), agents.size(), waiting.size(), missed.size());
            dispatchAll();
        } catch (RuntimeException e) {
            LOG.error("Routing could not load its state", e);
        }
    }

    // ------------------------------------------------------------------ events

    @Override
    public void handleEvent(Event event) {
        String conversationId = (String) event.getProperty(ConversationEvents.CONVERSATION);
        if (conversationId == null) {
            return;
        }
        String topic = event.getTopic();
        thread.execute(() -> {
            try {
                switch (topic) {
                    case ConversationEvents.OPENED -> onOpened(conversationId);
                    case ConversationEvents.HANDED_OFF -> onHandedOff(conversationId);
                    case ConversationEvents.ASSIGNED -> onAssigned(conversationId);
                    case ConversationEvents.STATUS_CHANGED -> onStatusChanged(conversationId);
                    case NluEvents.UNDERSTOOD -> onUnderstood(conversationId);
                    default -> { }
                }
            } catch (RuntimeException | Error e) {
                LOG.error("Routing failed on {} for conversation {}", topic, conversationId, e);
            }
        });
    }

    private void onOpened(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation != null && conversation.handling() == HandlingState.QUEUED
                && conversation.assigneeId() == null && !waiting.containsKey(conversationId)) {
            route(conversation, "NEW");
        }
    }

    private void onHandedOff(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation != null && conversation.assigneeId() == null && !waiting.containsKey(conversationId)) {
            route(conversation, "HANDOFF");
        }
    }

    private void onAssigned(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return;
        }
        if (conversation.assigneeId() != null && waiting.remove(conversationId) != null) {
            data.execute(m -> m.deleteWaiting(conversationId));
        }
        reconcileHolder(conversation);
    }

    private void onStatusChanged(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return;
        }
        boolean open = conversation.status() == ConversationStatus.OPEN
                || conversation.status() == ConversationStatus.PENDING;
        if (!open && waiting.remove(conversationId) != null) {
            data.execute(m -> m.deleteWaiting(conversationId));
        }
        if (!open) {
            escalated.remove(conversationId); // recorded on its decisions; memory only spares a query while open
        }
        reconcileHolder(conversation);
    }

    /** A message of a conversation people handle: escalation rules may act, a waiting one may move. */
    private void onUnderstood(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null || conversation.handling() == HandlingState.BOT) {
            return;
        }
        boolean open = conversation.status() == ConversationStatus.OPEN
                || conversation.status() == ConversationStatus.PENDING;
        if (!open) {
            return;
        }
        // A customer writing again reopens a resolved conversation without a status event: its holder's load, or
        // its place in a queue, are restored here.
        reconcileHolder(conversation);
        route(conversation, conversation.assigneeId() == null && !waiting.containsKey(conversationId)
                ? "NEW" : "MESSAGE");
    }

    /** Brings the holder's load in line with the conversation as stored, and offers freed capacity at once. */
    private void reconcileHolder(Conversation conversation) {
        boolean open = conversation.status() == ConversationStatus.OPEN
                || conversation.status() == ConversationStatus.PENDING;
        Held now = open && conversation.assigneeId() != null
                ? new Held(conversation.assigneeId(), conversation.channel()) : null;
        Held before = held.get(conversation.id());
        if (java.util.Objects.equals(now, before)) {
            return;
        }
        if (before != null) {
            held.remove(conversation.id());
            AgentState agent = agents.get(before.agentId());
            if (agent != null) {
                agent.changeLoad(before.channel(), -1);
            }
        }
        if (now != null) {
            held.put(conversation.id(), now);
            AgentState agent = agents.get(now.agentId());
            if (agent != null) {
                agent.changeLoad(now.channel(), 1);
            }
        }
        if (before != null) {
            dispatchAll();
        }
    }

    // ------------------------------------------------------------------ deciding

    private void route(Conversation conversation, String trigger) {
        Waiting entry = waiting.get(conversation.id());
        RoutingFacts facts = facts(conversation, trigger, entry);
        String factsJson = DecisionRecords.write(facts); // what the rules saw, before any rule changed it
        RuleSets.Live live = ruleSets.live();
        SafeDecision decided = SafeDecision.of(live, facts, config.defaultQueue());
        RuleOutcome outcome = decided.outcome();
        boolean fallback = decided.fallback();
        String error = decided.error();
        boolean withAgent = facts.contact().isWithAgent();
        boolean escalates = outcome.actions().stream().anyMatch(a -> a.kind() == ActionKind.ESCALATE);
        // A periodic look or a message that changes nothing is not worth a record, and its actions (alerts, tags)
        // were carried out when the same decision was first made.
        if (entry != null && ("WAITING".equals(trigger) || "MESSAGE".equals(trigger))
                && outcome.sameDecision(entry.outcome)) {
            return;
        }
        if (!fallback && withAgent && outcome.actions().isEmpty()) {
            return; // with an agent, only escalation rules matter
        }
        String decisionId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        DecisionRow row = new DecisionRow(decisionId, conversation.id(), conversation.customerId(), now, trigger,
                live.version(), outcome.queue(), DecisionRecords.write(outcome.skills()), outcome.priority(),
                outcome.strategy(), outcome.preferLastAgent(), null, DecisionRecords.write(outcome.firedRules()),
                DecisionRecords.write(outcome.actions()), factsJson, escalates, fallback,
                error == null ? null : clip(error, 2000));
        data.execute(m -> m.insertDecision(row));
        if (escalates) {
            escalated.add(conversation.id());
        }
        if (fallback) {
            alert(conversation.id(), "RULE_ERROR", "Routing rules failed; sent to " + config.defaultQueue() + ": "
                    + error, null);
        }
        for (RoutingAction action : outcome.actions()) {
            carryOut(conversation, action, decisionId);
        }
        if (!withAgent || escalates) {
            if (withAgent) {
                // Escalating takes the conversation from its agent to the escalation queue.
                conversations.assign(conversation.id(), null, null);
                reconcileHolder(conversations.find(conversation.id()).orElse(conversation));
            }
            // Once escalated, a conversation stays in the escalation queue: later looks only change its priority.
            boolean keepQueue = !escalates && entry != null && facts.contact().isEscalated();
            enqueue(conversation, outcome, decisionId, entry, keepQueue, facts.contact().getLastAgent());
            String assigned = directAssignment(outcome, conversation);
            if (assigned == null) {
                dispatchAll();
            }
        }
        events.postEvent(new Event(RoutingEvents.DECIDED, props(RoutingEvents.CONVERSATION, conversation.id(),
                RoutingEvents.DECISION, decisionId, RoutingEvents.QUEUE, outcome.queue())));
    }

    private RoutingFacts facts(Conversation conversation, String trigger, Waiting entry) {
        Instant now = clock.instant();
        Contact contact = new Contact();
        contact.setConversationId(conversation.id());
        contact.setCustomerId(conversation.customerId());
        contact.setChannel(conversation.channel());
        contact.setTrigger(trigger);
        List<NluResult> results = understanding.results(conversation.id());
        if (!results.isEmpty()) {
            NluResult last = results.get(results.size() - 1);
            if (last.intent() != null && !last.intent().outOfScope()) {
                contact.setIntent(last.intent().intent());
                contact.setConfidence(last.intent().confidence());
            } else if (last.intent() != null) {
                contact.setIntent("out_of_scope");
                contact.setConfidence(last.intent().confidence());
            }
            understanding.state(conversation.id()).map(s -> s.intent()).ifPresent(intent -> {
                if (contact.getIntent() == null || "out_of_scope".equals(contact.getIntent())) {
                    contact.setIntent(intent);
                }
            });
            if (last.sentiment() != null) {
                contact.setSentiment(last.sentiment().label().name());
            }
            contact.setAngryMessages((int) results.stream().filter(r -> r.sentiment() != null
                    && r.sentiment().label() == SentimentLabel.ANGRY).count());
        }
        List<Message> latest = conversations.latest(conversation.id(), 10);
        for (int i = latest.size() - 1; i >= 0; i--) {
            if (latest.get(i).direction() == MessageDirection.INBOUND) {
                contact.setText(clip(latest.get(i).body(), 2000));
                break;
            }
        }
        contact.setWaitingSeconds(entry == null ? 0 : Duration.between(entry.since, now).toSeconds());
        contact.setQueue(entry != null ? entry.queueId : conversation.queueId());
        contact.setWithAgent(conversation.assigneeId() != null);
        contact.setEscalated(escalated.contains(conversation.id())
                || data.read(m -> m.escalations(conversation.id())) > 0);
        contact.setLastAgent(data.read(m -> m.lastAgent(conversation.customerId())));

        CustomerProfile profile = new CustomerProfile();
        profile.setCustomerId(conversation.customerId());
        customers.find(conversation.customerId()).ifPresent((Customer c) -> {
            profile.setTier(c.tier().name());
            profile.setTags(c.tags());
        });
        return new RoutingFacts(contact, profile, now(now), queueLoads(now));
    }

    private Now now(Instant instant) {
        RoutingConfig settings = config;
        ZonedDateTime local = instant.atZone(ZoneId.of(settings.timeZone()));
        Now now = new Now();
        now.setHour(local.getHour());
        now.setDayOfWeek(local.getDayOfWeek().getValue());
        boolean day = false;
        for (String d : settings.businessDays().split(",")) {
            day |= d.strip().equals(String.valueOf(now.getDayOfWeek()));
        }
        String[] hours = settings.businessHours().split("-");
        LocalTime time = local.toLocalTime();
        boolean inHours = false;
        if (hours.length == 2) {
            String end = hours[1].strip();
            inHours = !time.isBefore(LocalTime.parse(hours[0].strip()))
                    && ("24:00".equals(end) || time.isBefore(LocalTime.parse(end)));
        }
        now.setBusinessHours(day && inHours);
        return now;
    }

    private List<QueueLoad> queueLoads(Instant now) {
        List<QueueLoad> loads = new ArrayList<>();
        for (QueueRow queue : queues.values()) {
            int count = 0;
            long longest = 0;
            for (Waiting w : waiting.values()) {
                if (w.queueId.equals(queue.id())) {
                    count++;
                    longest = Math.max(longest, Duration.between(w.since, now).toSeconds());
                }
            }
            int online = 0;
            int available = 0;
            for (AgentState agent : agents.values()) {
                if (agent.presence == Presence.ONLINE
                        && (queue.teamId() == null || agent.teams.contains(queue.teamId()))) {
                    online++;
                    if (agent.capacity.entrySet().stream().anyMatch(c -> agent.load(c.getKey()) < c.getValue())) {
                        available++;
                    }
                }
            }
            loads.add(new QueueLoad(queue.id(), count, longest, online, available));
        }
        return loads;
    }

    private void carryOut(Conversation conversation, RoutingAction action, String decisionId) {
        switch (action.kind()) {
            case ESCALATE -> alert(conversation.id(), "ESCALATED", action.detail().isEmpty()
                    ? "Escalated to " + action.target() : action.detail(), action.rule());
            case NOTIFY -> {
                alert(conversation.id(), "NOTIFY", action.detail(), action.rule());
                Notification notification = new Notification(action.target(), "Kefu: " + action.detail(),
                        action.detail() + " (conversation " + conversation.id() + ")",
                        Map.of("conversation", conversation.id(), "rule", action.rule()));
                for (Notifier notifier : notifiers) {
                    try {
                        notifier.notify(notification);
                    } catch (RuntimeException e) {
                        LOG.warn("Notifier {} failed", notifier.getClass().getName(), e);
                    }
                }
            }
            case TAG_CUSTOMER -> {
                try {
                    customers.addTag(conversation.customerId(), action.target(), null);
                } catch (RuntimeException e) {
                    alert(conversation.id(), "RULE_ERROR", "Could not tag the customer " + action.target() + ": "
                            + e.getMessage(), action.rule());
                }
            }
            default -> { }
        }
        events.postEvent(new Event(RoutingEvents.ACTION, props(RoutingEvents.CONVERSATION, conversation.id(),
                RoutingEvents.CUSTOMER, conversation.customerId(), RoutingEvents.KIND, action.kind().name(),
                RoutingEvents.TARGET, action.target(), RoutingEvents.DETAIL, action.detail(), RoutingEvents.RULE,
                action.rule(), RoutingEvents.DECISION, decisionId)));
    }

    /** An ASSIGN action whose agent is online with room is carried out at once; returns the agent, or null. */
    private String directAssignment(RuleOutcome outcome, Conversation conversation) {
        for (RoutingAction action : outcome.actions()) {
            if (action.kind() == ActionKind.ASSIGN) {
                AgentState agent = agents.get(action.target());
                Waiting entry = waiting.get(conversation.id());
                if (agent != null && entry != null && agent.hasRoom(entry.channel)) {
                    assign(entry, agent);
                    return agent.userId;
                }
            }
        }
        return null;
    }

    private void enqueue(Conversation conversation, RuleOutcome outcome, String decisionId, Waiting existing,
            boolean keepQueue, String lastAgent) {
        Waiting entry = existing != null ? existing
                : new Waiting(conversation.id(), conversation.channel(), conversation.customerId(), clock.instant());
        String previousQueue = existing == null ? conversation.queueId() : existing.queueId;
        if (!keepQueue) {
            entry.queueId = queues.containsKey(outcome.queue()) ? outcome.queue() : config.defaultQueue();
        }
        entry.priority = outcome.priority();
        entry.outcome = outcome;
        entry.decisionId = decisionId;
        entry.lastAgent = lastAgent;
        entry.lastAgentKnown = true;
        WaitingRow row = new WaitingRow(entry.conversationId, entry.queueId, entry.channel, entry.customerId,
                entry.priority, DecisionRecords.write(outcome.skills()), outcome.strategy(),
                outcome.preferLastAgent(), entry.since);
        data.execute(m -> {
            if (m.updateWaiting(row) == 0) {
                m.insertWaiting(row);
            }
        });
        waiting.put(entry.conversationId, entry);
        if (!entry.queueId.equals(previousQueue)) {
            conversations.queue(entry.conversationId, entry.queueId, null);
        }
        if (!keepQueue && !queues.containsKey(outcome.queue())) {
            alert(conversation.id(), "RULE_ERROR", "The rules chose queue \"" + outcome.queue()
                    + "\", which does not exist; sent to " + entry.queueId, null);
        }
    }

    // ------------------------------------------------------------------ dispatching

    /** Offers waiting conversations, highest priority and longest waiting first, to agents with room. */
    private void dispatchAll() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Waiting> ordered = new ArrayList<>(waiting.values());
        ordered.sort(Comparator.comparingInt((Waiting w) -> -w.priority).thenComparing(w -> w.since));
        for (Waiting entry : ordered) {
            QueueRow queue = queues.get(entry.queueId);
            if (entry.outcome.preferLastAgent() && !entry.lastAgentKnown) {
                entry.lastAgent = data.read(m -> m.lastAgent(entry.customerId));
                entry.lastAgentKnown = true;
            }
            String lastAgent = entry.outcome.preferLastAgent() ? entry.lastAgent : null;
            AgentState agent = selector.select(agents.values(), queue == null ? null : queue.teamId(),
                    entry.queueId, entry.channel, entry.outcome, lastAgent);
            if (agent != null) {
                try {
                    assign(entry, agent);
                } catch (RuntimeException e) {
                    LOG.error("Conversation {} could not be assigned; it stays in queue {}", entry.conversationId,
                            entry.queueId, e);
                }
            }
        }
    }

    private void assign(Waiting entry, AgentState agent) {
        // Someone may have taken or closed it since it was queued (their event is still on its way to this thread).
        Conversation current = conversations.find(entry.conversationId).orElse(null);
        boolean open = current != null && (current.status() == ConversationStatus.OPEN
                || current.status() == ConversationStatus.PENDING);
        if (!open || current.assigneeId() != null) {
            waiting.remove(entry.conversationId);
            data.execute(m -> m.deleteWaiting(entry.conversationId));
            if (current != null) {
                reconcileHolder(current);
            }
            return;
        }
        Instant now = clock.instant();
        Instant previous = agent.lastAssignedAt;
        agent.lastAssignedAt = now;
        try {
            data.execute(m -> {
                m.deleteWaiting(entry.conversationId);
                if (entry.decisionId != null) {
                    m.setDecisionAgent(entry.decisionId, agent.userId);
                }
                m.updateAgent(Profiles.row(agent));
            });
            conversations.assign(entry.conversationId, agent.userId, null);
        } catch (RuntimeException e) {
            agent.lastAssignedAt = previous;
            throw e; // the conversation stays in its queue, in memory and in routing_waiting
        }
        // Memory changes only once the database has: a failure above leaves the queue as it was.
        waiting.remove(entry.conversationId);
        held.put(entry.conversationId, new Held(agent.userId, entry.channel));
        agent.changeLoad(entry.channel, 1);
        LOG.debug("Conversation {} assigned to {}", entry.conversationId, agent.userId);
    }

    private void reviewWaiting() {
        try {
            for (Waiting entry : new ArrayList<>(waiting.values())) {
                Conversation conversation = conversations.find(entry.conversationId).orElse(null);
                if (conversation == null || conversation.assigneeId() != null
                        || conversation.status() == ConversationStatus.RESOLVED
                        || conversation.status() == ConversationStatus.CLOSED) {
                    waiting.remove(entry.conversationId);
                    data.execute(m -> m.deleteWaiting(entry.conversationId));
                    continue;
                }
                route(conversation, "WAITING");
            }
            dispatchAll();
        } catch (RuntimeException | Error e) {
            // Caught whole: an escaping error would stop every later look (scheduleWithFixedDelay).
            LOG.error("Routing's look at waiting conversations failed", e);
        }
    }

    private void alert(String conversationId, String kind, String message, String rule) {
        data.execute(m -> m.insertAlert(new AlertRow(UUID.randomUUID().toString(), clock.instant(), conversationId,
                kind, clip(message, 1000), rule == null || rule.isEmpty() ? null : clip(rule, 300))));
    }

    // ------------------------------------------------------------------ agents (called from REST)

    AgentView agent(String userId, String displayName) {
        return call(() -> view(profile(userId, displayName)));
    }

    @Override
    public Optional<Agent> find(String userId) {
        return call(() -> Optional.ofNullable(agents.get(userId)).map(Dispatcher::agent));
    }

    @Override
    public List<Agent> all() {
        return call(() -> agents.values().stream().map(Dispatcher::agent).toList());
    }

    @Override
    public Agent setPresence(String userId, String displayName, Presence presence) {
        return agent(presence(userId, displayName, presence));
    }

    @Override
    public Agent setProfile(String userId, Map<String, Integer> skills, Set<String> teamIds,
            Map<String, Integer> capacity) {
        return agent(updateProfile(userId, skills, teamIds == null ? null : List.copyOf(teamIds), capacity));
    }

    private static Agent agent(AgentView view) {
        return new Agent(view.userId(), view.userId(), view.displayName(), view.skills(), view.teams(),
                view.presence(), view.capacity());
    }

    private static Agent agent(AgentState state) {
        return agent(view(state));
    }

    AgentView presence(String userId, String displayName, Presence presence) {
        return call(() -> {
            AgentState agent = profile(userId, displayName);
            if (agent.presence != presence) {
                agent.presence = presence;
                agent.presenceSince = clock.instant();
                data.execute(m -> m.updateAgent(Profiles.row(agent)));
                events.postEvent(new Event(RoutingEvents.AGENT_CHANGED, props(RoutingEvents.AGENT, userId,
                        RoutingEvents.PRESENCE, presence.name())));
                if (presence == Presence.ONLINE) {
                    dispatchAll();
                }
            }
            return view(agent);
        });
    }

    /**
     * Sets an agent's skills, teams and capacity, checked here for both callers (the {@link Agents} service and
     * REST): levels 1-5, known teams, capacities 0-100, a bounded number of entries.
     */
    AgentView updateProfile(String userId, Map<String, Integer> rawSkills, List<String> rawTeams,
            Map<String, Integer> rawCapacity) {
        Map<String, Integer> skills = Profiles.checkSkills(rawSkills);
        Set<String> teams = Profiles.checkTeams(rawTeams, data.read(RoutingMapper::teams).stream()
                .map(RoutingMapper.TeamRow::id).collect(java.util.stream.Collectors.toSet()));
        Map<String, Integer> capacity = Profiles.checkCapacity(rawCapacity);
        return call(() -> {
            AgentState agent = agents.get(userId);
            if (agent == null) {
                throw new java.util.NoSuchElementException("no agent " + userId
                        + " (an agent appears once they open the inbox)");
            }
            AgentState updated = new AgentState(agent.userId, agent.displayName, skills, teams, capacity,
                    agent.presence, agent.presenceSince);
            updated.lastAssignedAt = agent.lastAssignedAt;
            data.execute(m -> m.updateAgent(Profiles.row(updated))); // the database first: memory follows it
            agent.skills = Map.copyOf(skills);
            agent.teams = Set.copyOf(teams);
            agent.capacity = Map.copyOf(capacity);
            events.postEvent(new Event(RoutingEvents.AGENT_CHANGED, props(RoutingEvents.AGENT, userId,
                    RoutingEvents.PRESENCE, agent.presence.name())));
            dispatchAll();
            return view(agent);
        });
    }

    List<AgentView> agents() {
        return call(() -> agents.values().stream().map(Dispatcher::view).toList());
    }

    Board board() {
        Board board = call(() -> {
            Instant now = clock.instant();
            List<QueueView> queueViews = new ArrayList<>();
            for (QueueRow queue : queues.values()) {
                List<WaitingView> list = waiting.values().stream().filter(w -> w.queueId.equals(queue.id()))
                        .sorted(Comparator.comparingInt((Waiting w) -> -w.priority).thenComparing(w -> w.since))
                        .map(w -> new WaitingView(w.conversationId, w.channel, w.customerId, w.priority, w.since,
                                Duration.between(w.since, now).toSeconds()))
                        .toList();
                long longest = list.stream().mapToLong(WaitingView::waitingSeconds).max().orElse(0);
                queueViews.add(new QueueView(queue.id(), queue.name(), queue.teamId(), list.size(), longest, list));
            }
            return new Board(queueViews, agents.values().stream().map(Dispatcher::view).toList(), List.of());
        });
        List<AlertView> alerts = data.read(m -> m.alerts(ALERTS_SHOWN)).stream()
                .map(a -> new AlertView(a.id(), a.atTime(), a.conversationId(), a.kind(), a.message(), a.ruleName()))
                .toList();
        return new Board(board.queues(), board.agents(), alerts);
    }

    List<QueueRow> queues() {
        return call(() -> List.copyOf(queues.values()));
    }

    /** The agent's profile, made on first use with no skills, no team and the default capacity. */
    private AgentState profile(String userId, String displayName) {
        AgentState agent = agents.get(userId);
        if (agent == null) {
            agent = new AgentState(userId, displayName, Map.of(), Set.of(),
                    Profiles.capacity(config.defaultCapacity()), Presence.OFFLINE, clock.instant());
            AgentState created = agent;
            data.execute(m -> m.insertAgent(Profiles.row(created)));
            agents.put(userId, agent);
        } else if (displayName != null && !displayName.equals(agent.displayName)) {
            agent.displayName = displayName;
            AgentState renamed = agent;
            data.execute(m -> m.updateAgent(Profiles.row(renamed)));
        }
        return agent;
    }

    private static AgentView view(AgentState agent) {
        return new AgentView(agent.userId, agent.displayName, agent.presence, agent.presenceSince,
                Map.copyOf(agent.load), agent.capacity, agent.skills, agent.teams);
    }

    /** Runs {@code work} on the routing thread and waits for its result. */
    private <T> T call(Callable<T> work) {
        Future<T> future = thread.submit(work);
        try {
            return future.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("routing is busy; try again", e);
        }
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
