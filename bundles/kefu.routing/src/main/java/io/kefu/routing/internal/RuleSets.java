package io.kefu.routing.internal;

import io.kefu.api.routing.RoutingEvents;
import io.kefu.api.security.AuditLog;
import io.kefu.routing.internal.RoutingMapper.DecisionRow;
import io.kefu.routing.internal.RoutingMapper.StateRow;
import io.kefu.routing.internal.RoutingMapper.VersionRow;
import io.kefu.routing.internal.Scenarios.Scenario;
import io.kefu.routing.internal.Scenarios.ScenarioFileException;
import io.kefu.routing.internal.ScenarioRunner.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing rule set's lifecycle: the live version, the analysts' draft, and the versions published before.
 * Validating, testing and simulating never touch the live rules; publishing compiles the draft, runs its scenarios
 * and probes it for loops first, and only a draft that passes all three becomes a new version, which then replaces
 * the live rules in one step (decisions in flight finish on the version they started with).
 *
 * <p>On a new database the repository's default rules (rules/routing.drl and its scenarios, inside this bundle)
 * become version 1. Compiling the live version at start takes a second or two, so it happens on a thread of its
 * own; the first decisions wait for it.
 */
@Component(service = RuleSets.class, configurationPid = "kefu.routing")
@Designate(ocd = RoutingConfig.class)
public final class RuleSets {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);
    static final String DEFAULT_DRL = "rules/routing.drl";
    static final String DEFAULT_SCENARIOS = "rules/routing.scenarios.yaml";
    private static final int MAX_DRL_CHARS = 500_000;
    private static final int MAX_CHANGES_LISTED = 500;
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration WARM_UP_DELAY = Duration.ofSeconds(10);

    /** The rules in force: the version number and its compiled rules (null when it failed to compile). */
    record Live(int version, CompiledRuleSet rules, String error) {
    }

    public record VersionSummary(int version, String publishedBy, Instant publishedAt, String comment, int ruleCount,
            boolean active) {
    }

    public record VersionText(int version, String drl, String scenarios, String publishedBy, Instant publishedAt,
            String comment, int ruleCount, boolean active) {
    }

    public record Draft(String drl, String scenarios, String updatedBy, Instant updatedAt) {
    }

    public record Overview(VersionSummary active, Draft draft, List<VersionSummary> versions) {
    }

    public record Validation(boolean valid, int ruleCount, List<RuleProblem> problems) {
    }

    public record ScenarioLine(String name, boolean passed, List<String> failures, String queue, Integer priority,
            Map<String, Integer> skills, List<String> actions, List<String> firedRules) {
    }

    public record TestRun(boolean valid, List<RuleProblem> problems, int passed, int failed,
            List<ScenarioLine> results, List<String> untestedRules) {
    }

    public record Side(String queue, int priority, Map<String, Integer> skills, List<String> actions,
            List<String> firedRules) {
    }

    public record Change(String decisionId, String conversationId, Instant decidedAt, String trigger, Side before,
            Side after, String error) {
    }

    public record Simulation(boolean valid, List<RuleProblem> problems, int decisions, int changed, int errors,
            List<Change> changes) {
    }

    /** A draft that may not be published, with every reason. */
    public static final class RulesRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<RuleProblem> problems;

        RulesRefused(String message, List<RuleProblem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<RuleProblem> problems() {
            return problems;
        }
    }

    private final RoutingData data;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;
    private volatile RoutingConfig config;
    private final AtomicReference<Live> live = new AtomicReference<>();
    private final CompletableFuture<Live> started = new CompletableFuture<>();
    private final Thread starter;
    private volatile boolean closed;
    private final Object publishing = new Object();

    @Activate
    public RuleSets(@Reference RoutingData data, @Reference AuditLog audit, @Reference EventAdmin events,
            RoutingConfig config, BundleContext context) {
        this(data, audit, events, config, Clock.systemUTC(), true);
        startWhenFrameworkStarted(context);
    }

    /** With {@code background} false (tests) the live rules are loaded before this returns; else nothing starts. */
    RuleSets(RoutingData data, AuditLog audit, EventAdmin events, RoutingConfig config, Clock clock,
            boolean background) {
        this.data = data;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.config = config;
        this.starter = new Thread(this::start, "kefu-routing-rules-start");
        starter.setDaemon(true);
        if (!background) {
            starter.run();
        }
    }

    /**
     * Compiling the live rules takes a few seconds of CPU, which the bundles still starting need more on a small
     * machine. So the compile begins on first need (a decision or an analyst's request) or {@link #WARM_UP_DELAY}
     * after the framework has started, whichever comes first.
     */
    private void startWhenFrameworkStarted(BundleContext context) {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        if (framework == null || framework.getState() == Bundle.ACTIVE) {
            warmUpLater();
            return;
        }
        context.addFrameworkListener(new FrameworkListener() {
            @Override
            public void frameworkEvent(FrameworkEvent event) {
                if (event.getType() == FrameworkEvent.STARTED) {
                    context.removeFrameworkListener(this);
                    warmUpLater();
                }
            }
        });
    }

    private void warmUpLater() {
        CompletableFuture.delayedExecutor(WARM_UP_DELAY.toMillis(), TimeUnit.MILLISECONDS).execute(this::ensureStarted);
    }

    /** Starts loading the live rules unless that has begun already (or this component is gone). */
    private void ensureStarted() {
        synchronized (starter) {
            if (!closed && starter.getState() == Thread.State.NEW) {
                starter.start();
            }
        }
    }

    @Modified
    void modified(RoutingConfig config) {
        this.config = config;
    }

    @Deactivate
    void deactivate() {
        synchronized (starter) {
            closed = true;
        }
        starter.interrupt();
        Live current = live.getAndSet(null);
        if (current != null && current.rules() != null) {
            current.rules().dispose();
        }
    }

    private void start() {
        try {
            StateRow state = data.read(RoutingMapper::state);
            CompiledRuleSet defaults = null;
            if (state.activeVersion() == null) {
                defaults = importDefaults();
                state = data.read(RoutingMapper::state);
            }
            int version = state.activeVersion();
            VersionRow row = data.read(m -> m.version(version));
            Live loaded;
            try {
                CompiledRuleSet compiled = defaults != null && version == 1 ? defaults
                        : RuleCompiler.compile(row.drl(), config.fireLimit());
                loaded = new Live(version, compiled, null);
                LOG.info("Routing rules version {} live ({} rules)", version, loaded.rules().ruleNames().size());
            } catch (RuleCompilationException e) {
                // Published versions compiled when they were published; this means the engine changed under them.
                LOG.error("Routing rules version {} no longer compile; conversations go to the default queue: {}",
                        version, e.getMessage());
                loaded = new Live(version, null, e.getMessage());
            }
            live.set(loaded);
            started.complete(loaded);
        } catch (RuntimeException | Error e) {
            if (closed) {
                started.complete(new Live(0, null, "routing stopped while loading its rules"));
                return; // stopped while loading (the store moved, or Kefu is stopping): nothing is lost
            }
            LOG.error("Routing rules could not be loaded; conversations go to the default queue", e);
            Live failed = new Live(0, null, "The routing rules could not be loaded: " + e.getMessage());
            live.compareAndSet(null, failed);
            started.complete(failed);
        }
    }

    /** Makes the repository's default rules version 1 and returns them compiled. */
    private CompiledRuleSet importDefaults() {
        String drl = resource(DEFAULT_DRL);
        String scenarios = resource(DEFAULT_SCENARIOS);
        CompiledRuleSet compiled = RuleCompiler.compile(drl, config.fireLimit());
        int rules = compiled.ruleNames().size();
        boolean imported = data.write(m -> {
            Integer active = m.lockState();
            if (active != null) {
                return false; // another node (or an earlier start) got there first
            }
            m.insertVersion(new VersionRow(1, drl, scenarios, rules, "Default rules from rules/routing.drl", "kefu",
                    clock.instant()));
            m.activate(1);
            return true;
        });
        if (imported) {
            audit.record("system", "routing.rules.publish", "routing-rules:1", "default rules from rules/routing.drl");
        }
        return compiled;
    }

    private static String resource(String path) {
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the bundle has no " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** The live rules; the first call after start waits for them to compile. */
    Live live() {
        Live current = live.get();
        if (current != null) {
            return current;
        }
        ensureStarted();
        try {
            return started.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Live(0, null, "interrupted while the routing rules were loading");
        } catch (ExecutionException | TimeoutException e) {
            return new Live(0, null, "the routing rules are not loaded yet");
        }
    }

    String defaultQueue() {
        return config.defaultQueue();
    }

    // ------------------------------------------------------------------ reading

    Overview overview() {
        live(); // on a new database the defaults become version 1 first
        StateRow state = data.read(RoutingMapper::state);
        Integer active = state.activeVersion();
        List<VersionSummary> versions = data.read(RoutingMapper::versions).stream()
                .map(row -> summary(row, active)).toList();
        VersionSummary activeSummary = versions.stream().filter(VersionSummary::active).findFirst().orElse(null);
        Draft draft = state.draftDrl() == null ? null
                : new Draft(state.draftDrl(), state.draftScenarios(), state.draftBy(), state.draftAt());
        return new Overview(activeSummary, draft, versions);
    }

    VersionText version(int version) {
        live();
        VersionRow row = data.read(m -> m.version(version));
        if (row == null) {
            throw new NoSuchElementException("no rule-set version " + version);
        }
        Integer active = data.read(RoutingMapper::state).activeVersion();
        return new VersionText(row.version(), row.drl(), row.scenarios(), row.publishedBy(), row.publishedAt(),
                row.comment(), row.ruleCount(), active != null && active == row.version());
    }

    private static VersionSummary summary(VersionRow row, Integer active) {
        return new VersionSummary(row.version(), row.publishedBy(), row.publishedAt(), row.comment(), row.ruleCount(),
                active != null && active == row.version());
    }

    // ------------------------------------------------------------------ the draft

    Draft saveDraft(String drl, String scenarios, String actor) {
        requireSize(drl);
        requireSize(scenarios);
        Instant now = clock.instant();
        data.execute(m -> m.saveDraft(drl, scenarios == null ? "" : scenarios, actor, now));
        return new Draft(drl, scenarios, actor, now);
    }

    Validation validate(String drl) {
        requireSize(drl);
        try {
            CompiledRuleSet rules = RuleCompiler.compile(drl, config.fireLimit());
            int count = rules.ruleNames().size();
            rules.dispose();
            return new Validation(true, count, List.of());
        } catch (RuleCompilationException e) {
            return new Validation(false, 0, e.problems());
        }
    }

    TestRun test(String drl, String scenarios) {
        requireSize(drl);
        requireSize(scenarios);
        CompiledRuleSet rules;
        try {
            rules = RuleCompiler.compile(drl, config.fireLimit());
        } catch (RuleCompilationException e) {
            return new TestRun(false, e.problems(), 0, 0, List.of(), List.of());
        }
        try {
            List<Scenario> parsed = Scenarios.parse(scenarios);
            Report report = ScenarioRunner.run(rules, parsed, config.defaultQueue());
            return new TestRun(true, List.of(), report.passed(), report.failed(), report.results().stream()
                    .map(RuleSets::line).toList(), report.untestedRules());
        } catch (ScenarioFileException e) {
            return new TestRun(false, List.of(e.problem()), 0, 0, List.of(), List.of());
        } finally {
            rules.dispose();
        }
    }

    private static ScenarioLine line(ScenarioRunner.ScenarioResult result) {
        RuleOutcome outcome = result.outcome();
        return outcome == null
                ? new ScenarioLine(result.name(), false, result.failures(), null, null, Map.of(), List.of(), List.of())
                : new ScenarioLine(result.name(), result.passed(), result.failures(), outcome.queue(),
                        outcome.priority(), outcome.skills(), actions(outcome), outcome.firedRules());
    }

    private static List<String> actions(RuleOutcome outcome) {
        return outcome.actions().stream().map(a -> a.kind() + ":" + a.target()).toList();
    }

    /**
     * Re-decides every decision recorded in the last {@code days} days (at most the configured number) with the
     * draft, on the facts the live rules saw then, and lists those that would change.
     */
    Simulation simulate(String drl, int days) {
        requireSize(drl);
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("days must be 1 to 90");
        }
        CompiledRuleSet rules;
        try {
            rules = RuleCompiler.compile(drl, config.fireLimit());
        } catch (RuleCompilationException e) {
            return new Simulation(false, e.problems(), 0, 0, 0, List.of());
        }
        try {
            Instant since = clock.instant().minus(Duration.ofDays(days));
            List<DecisionRow> recorded = data.read(m -> m.decisionsSince(since, config.simulationMaxDecisions()));
            List<Change> changes = new ArrayList<>();
            int changed = 0;
            int errors = 0;
            for (DecisionRow row : recorded) {
                RuleOutcome before = DecisionRecords.outcome(row);
                Side beforeSide = side(before);
                RuleOutcome after;
                try {
                    after = rules.decide(DecisionRecords.facts(row), config.defaultQueue());
                } catch (RuleFailure e) {
                    errors++;
                    changed++;
                    if (changes.size() < MAX_CHANGES_LISTED) {
                        changes.add(new Change(row.id(), row.conversationId(), row.decidedAt(), row.triggerKind(),
                                beforeSide, null, e.getMessage()));
                    }
                    continue;
                }
                if (!after.sameDecision(before)) {
                    changed++;
                    if (changes.size() < MAX_CHANGES_LISTED) {
                        changes.add(new Change(row.id(), row.conversationId(), row.decidedAt(), row.triggerKind(),
                                beforeSide, side(after), null));
                    }
                }
            }
            return new Simulation(true, List.of(), recorded.size(), changed, errors, changes);
        } finally {
            rules.dispose();
        }
    }

    private static Side side(RuleOutcome outcome) {
        return new Side(outcome.queue(), outcome.priority(), outcome.skills(), actions(outcome),
                outcome.firedRules());
    }

    // ------------------------------------------------------------------ publishing and rolling back

    /**
     * Publishes {@code drl} with its scenarios as the next version and makes it live.
     *
     * @throws RulesRefused when it does not compile, a scenario fails or it loops on any probe
     */
    VersionSummary publish(String drl, String scenarios, String comment, String actor) {
        requireSize(drl);
        requireSize(scenarios);
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Say what changed: a comment is required to publish");
        }
        live();
        String note = comment.strip().length() > 500 ? comment.strip().substring(0, 500) : comment.strip();
        CompiledRuleSet rules;
        try {
            rules = RuleCompiler.compile(drl, config.fireLimit());
        } catch (RuleCompilationException e) {
            throw new RulesRefused(e.getMessage(), e.problems());
        }
        boolean published = false;
        try {
            List<Scenario> parsed;
            try {
                parsed = Scenarios.parse(scenarios);
            } catch (ScenarioFileException e) {
                throw new RulesRefused(e.getMessage(), List.of(e.problem()));
            }
            Report report = ScenarioRunner.run(rules, parsed, config.defaultQueue());
            if (!report.allPassed()) {
                List<RuleProblem> problems = report.results().stream().filter(r -> !r.passed())
                        .map(r -> new RuleProblem(0, 0, "Scenario \"" + r.name() + "\" fails: "
                                + String.join("; ", r.failures()))).toList();
                throw new RulesRefused(report.failed() + " of " + report.results().size()
                        + " scenarios fail", problems);
            }
            probeForLoops(rules, parsed);
            int ruleCount = rules.ruleNames().size();
            Instant now = clock.instant();
            String scenarioText = scenarios == null ? "" : scenarios;
            int version;
            synchronized (publishing) { // the database and the live rules change together, one publish at a time
                version = data.write(m -> {
                    m.lockState();
                    int next = m.latestVersion() + 1;
                    m.insertVersion(new VersionRow(next, drl, scenarioText, ruleCount, note, actor, now));
                    m.activate(next);
                    return next;
                });
                swap(new Live(version, rules, null));
            }
            published = true;
            audit.record(actor, "routing.rules.publish", "routing-rules:" + version, note);
            events.postEvent(new Event(RoutingEvents.RULES_PUBLISHED, Map.of(RoutingEvents.VERSION, version,
                    RoutingEvents.ACTOR, actor)));
            LOG.info("Routing rules version {} published by {} ({} rules)", version, actor, ruleCount);
            return new VersionSummary(version, actor, now, note, ruleCount, true);
        } finally {
            if (!published) {
                rules.dispose();
            }
        }
    }

    /**
     * Runs the draft on its scenarios' facts, on a spread of made-up conversations and on the last recorded ones:
     * a rule set that fails or loops on any of them is refused.
     */
    private void probeForLoops(CompiledRuleSet rules, List<Scenario> scenarios) {
        List<RoutingFacts> probes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            probes.add(Scenarios.facts(scenario));
        }
        probes.addAll(DecisionRecords.probes());
        data.read(m -> m.decisionsSince(clock.instant().minus(Duration.ofDays(7)), 200)).stream()
                .map(DecisionRecords::facts).forEach(probes::add);
        for (RoutingFacts probe : probes) {
            try {
                rules.decide(probe, config.defaultQueue());
            } catch (RuleFailure e) {
                throw new RulesRefused(e.getMessage(), List.of(new RuleProblem(0, 0, e.getMessage()
                        + " (conversation: " + DecisionRecords.describe(probe) + ")")));
            }
        }
    }

    /** Makes {@code version} live again (a roll back, or forward), without recompiling anything else. */
    VersionSummary activate(int version, String actor) {
        live();
        VersionRow row = data.read(m -> m.version(version));
        if (row == null) {
            throw new NoSuchElementException("no rule-set version " + version);
        }
        CompiledRuleSet rules;
        try {
            rules = RuleCompiler.compile(row.drl(), config.fireLimit());
        } catch (RuleCompilationException e) {
            throw new RulesRefused("Version " + version + " no longer compiles", e.problems());
        }
        synchronized (publishing) {
            try {
                data.execute(m -> {
                    m.lockState();
                    m.activate(version);
                });
            } catch (RuntimeException e) {
                rules.dispose();
                throw e;
            }
            swap(new Live(version, rules, null));
        }
        audit.record(actor, "routing.rules.activate", "routing-rules:" + version, "version " + version
                + " is live again");
        events.postEvent(new Event(RoutingEvents.RULES_PUBLISHED, Map.of(RoutingEvents.VERSION, version,
                RoutingEvents.ACTOR, actor)));
        LOG.info("Routing rules version {} made live again by {}", version, actor);
        return summary(row, version);
    }

    private void swap(Live next) {
        Live previous = live.getAndSet(next);
        started.complete(next);
        if (previous != null && previous.rules() != null) {
            // Sessions in use finish their decision; the pool is only emptied.
            previous.rules().dispose();
        }
    }

    private static void requireSize(String text) {
        if (text != null && text.length() > MAX_DRL_CHARS) {
            throw new IllegalArgumentException("a rule set or scenario file has at most " + MAX_DRL_CHARS
                    + " characters");
        }
    }
}
