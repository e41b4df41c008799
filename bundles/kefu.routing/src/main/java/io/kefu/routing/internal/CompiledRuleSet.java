package io.kefu.routing.internal;

import io.kefu.routing.facts.Decision;
import io.kefu.routing.facts.QueueLoad;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A compiled rule set, safe to use from many threads. Each decision borrows a session from a small pool, inserts
 * the facts, fires at most {@code fireLimit} rules and removes the facts again: a fresh session per decision would
 * cost more than the rules themselves (see docs/performance.md). A session whose rules threw or looped is
 * thrown away rather than returned.
 */
public final class CompiledRuleSet {
    private final KieBase base;
    private final int fireLimit;
    private final List<String> ruleNames;
    private final ConcurrentLinkedDeque<PooledSession> pool = new ConcurrentLinkedDeque<>();

    CompiledRuleSet(KieBase base, int fireLimit) {
        this.base = base;
        this.fireLimit = fireLimit;
        TreeSet<String> names = new TreeSet<>();
        for (KiePackage kiePackage : base.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                names.add(rule.getName());
            }
        }
        this.ruleNames = List.copyOf(names);
    }

    /** The names of the rules, sorted. */
    public List<String> ruleNames() {
        return ruleNames;
    }

    /**
     * Runs the rules on {@code facts}. A conversation no rule sent anywhere goes to {@code defaultQueue}.
     *
     * @throws RuleFailure when a rule throws or the rules fire more than the limit (a loop)
     */
    public RuleOutcome decide(RoutingFacts facts, String defaultQueue) {
        // Drools finds helpers (its executors, the JIT of constraints after a few evaluations) through the context
        // class loader while firing too, not only while compiling: without it they fail once and stay broken.
        return RuleCompiler.withBundleLoader(() -> decideWithLoader(facts, defaultQueue));
    }

    private RuleOutcome decideWithLoader(RoutingFacts facts, String defaultQueue) {
        PooledSession pooled = pool.pollFirst();
        if (pooled == null) {
            pooled = new PooledSession(base.newKieSession());
        }
        Decision decision = new Decision();
        boolean healthy = false;
        try {
            int fired = pooled.fire(facts, decision, fireLimit);
            if (fired >= fireLimit) {
                throw new RuleFailure(loopMessage(pooled.fired), null);
            }
            String queue = decision.getQueue() == null ? defaultQueue : decision.getQueue();
            RuleOutcome outcome = new RuleOutcome(queue, decision.getSkills(), decision.getPriority(),
                    decision.getStrategy(), decision.isPreferLastAgent(), decision.getActions(), pooled.fired);
            // A rule that inserted facts of its own leaves them behind: such a session is not reused.
            healthy = pooled.clear();
            return outcome;
        } catch (RuleFailure e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String rule = pooled.current == null ? "a rule" : "rule \"" + pooled.current + "\"";
            throw new RuleFailure(rule + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), e);
        } finally {
            if (healthy) {
                pool.offerFirst(pooled);
            } else {
                pooled.session.dispose();
            }
        }
    }

    /** Frees the pooled sessions; the rule set must not be used afterwards. */
    public void dispose() {
        PooledSession pooled;
        while ((pooled = pool.pollFirst()) != null) {
            pooled.session.dispose();
        }
    }

    private String loopMessage(List<String> fired) {
        Map<String, Integer> counts = new HashMap<>();
        fired.forEach(rule -> counts.merge(rule, 1, Integer::sum));
        String busiest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("?");
        return "The rules do not come to an end: they fired " + fireLimit + " times for one conversation, rule \""
                + busiest + "\" " + counts.get(busiest) + " times. A rule that changes a fact it matches fires"
                + " again; give it no-loop or a condition its own change makes false.";
    }

    /** A session with the listener that tells the decision which rule is firing and records the rules fired. */
    private static final class PooledSession extends DefaultAgendaEventListener {
        final KieSession session;
        final List<FactHandle> handles = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        Decision decision;
        String current;

        PooledSession(KieSession session) {
            this.session = session;
            session.addEventListener(this);
        }

        int fire(RoutingFacts facts, Decision decision, int limit) {
            this.decision = decision;
            this.fired = new ArrayList<>();
            this.current = null;
            if (facts.contact() != null) {
                handles.add(session.insert(facts.contact()));
            }
            handles.add(session.insert(facts.customer()));
            handles.add(session.insert(facts.now()));
            insertAll(facts.queues());
            handles.add(session.insert(decision));
            return session.fireAllRules(limit);
        }

        private void insertAll(Collection<QueueLoad> queues) {
            for (QueueLoad queue : queues) {
                handles.add(session.insert(queue));
            }
        }

        boolean clear() {
            for (FactHandle handle : handles) {
                session.delete(handle);
            }
            handles.clear();
            decision = null;
            // Every entry point counts: a rule may have inserted into one of its own.
            long left = session.getFactCount();
            for (org.kie.api.runtime.rule.EntryPoint entryPoint : session.getEntryPoints()) {
                left += entryPoint.getFactCount();
            }
            return left == 0;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch().getRule().getName();
            decision.firing(current);
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(event.getMatch().getRule().getName());
        }
    }
}
