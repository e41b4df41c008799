package io.kefu.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.api.security.AuditEntry;
import io.kefu.api.security.AuditLog;
import io.kefu.routing.internal.RoutingMapper.DecisionRow;
import io.kefu.routing.internal.RuleSets.RulesRefused;
import io.kefu.routing.internal.RuleSets.Simulation;
import io.kefu.routing.internal.RuleSets.TestRun;
import io.kefu.routing.internal.RuleSets.VersionSummary;
import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The rule-set lifecycle on H2 and MariaDB: the defaults become version 1, a draft that does not compile, fails a
 * scenario or loops is refused and version 1 keeps deciding, a good one becomes version 2 at once, simulation
 * counts the recorded decisions it would change, and rolling back makes version 1 live again. Audit and events are
 * the edges: recorded in lists.
 */
class RuleSetsTest {
    static final String ACTOR = "li";

    static final class Recorder implements AuditLog, EventAdmin {
        final List<String> audit = new ArrayList<>();
        final List<Event> events = new ArrayList<>();

        @Override public void record(String actor, String action, String target, String detail) {
            audit.add(actor + " " + action + " " + target);
        }
        @Override public List<AuditEntry> recent(int offset, int limit) { return List.of(); }
        @Override public void postEvent(Event event) { events.add(event); }
        @Override public void sendEvent(Event event) { events.add(event); }
    }

    /** The configuration's defaults, as DS would give them. */
    static RoutingConfig config() {
        return new RoutingConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RoutingConfig.class; }
            @Override public String defaultQueue() { return "general"; }
            @Override public int fireLimit() { return 1000; }
            @Override public int waitingCheckSeconds() { return 5; }
            @Override public String businessHours() { return "09:00-18:00"; }
            @Override public String businessDays() { return "1,2,3,4,5"; }
            @Override public String timeZone() { return "Asia/Shanghai"; }
            @Override public int simulationMaxDecisions() { return 20000; }
            @Override public String[] defaultCapacity() { return new String[] {"webchat:5"}; }
        };
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void draftsArePublishedOnlyWhenTheyCompilePassAndEndAndCanBeRolledBack(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password())) {
            Recorder recorder = new Recorder();
            Clock clock = Clock.fixed(Instant.parse("2026-11-18T02:00:00Z"), ZoneOffset.UTC);
            RoutingData data = new RoutingData(store);
            RuleSets rules = new RuleSets(data, recorder, recorder, config(), clock, false);
            assertEquals(1, rules.live().version());
            assertEquals(33, rules.live().rules().ruleNames().size());
            String v1 = rules.version(1).drl();
            String scenarios = rules.version(1).scenarios();

            // Does not compile: refused with the line, version 1 stays live.
            RulesRefused broken = assertThrows(RulesRefused.class, () -> rules.publish(v1.replace(
                    "rule \"Invoices go to finance\"", "rule \"Invoices go to finance\"\nwhen when"), scenarios,
                    "broken", ACTOR));
            assertTrue(broken.problems().get(0).line() > 0, broken.problems().toString());
            assertEquals(1, rules.live().version());

            // Compiles but a scenario fails: refused, named.
            String slower = v1.replace("waitingSeconds > 60, escalated == false", "waitingSeconds > 90, escalated == false");
            RulesRefused failing = assertThrows(RulesRefused.class, () -> rules.publish(slower, scenarios, "90 s",
                    ACTOR));
            assertTrue(failing.problems().stream().anyMatch(p -> p.message().contains("A VIP waiting 61 seconds")),
                    failing.problems().toString());

            // Loops on its probes: refused.
            String looping = v1 + "\nrule \"Loop\"\nwhen\n    $d : Decision(priority < 100000)\nthen\n"
                    + "    modify($d) { addPriority(1) }\nend\n";
            RulesRefused loop = assertThrows(RulesRefused.class, () -> rules.publish(looping, scenarios, "loop", ACTOR));
            assertTrue(loop.problems().stream().anyMatch(p -> p.message().contains("do not come to an end")),
                    loop.problems().toString());
            assertEquals(1, rules.live().version());

            // The analysts' change: VIPs escalate after 30 s; its scenarios follow.
            String faster = v1.replace("waitingSeconds > 60, escalated == false", "waitingSeconds > 30, escalated == false");
            String fasterScenarios = scenarios.replace("waitingSeconds: 60, queue: vip", "waitingSeconds: 30, queue: vip");
            TestRun run = rules.test(faster, fasterScenarios);
            assertTrue(run.valid());
            assertEquals(0, run.failed(), run.results().toString());

            // Recorded traffic: a VIP who waited 45 s (not escalated by v1, escalated by the draft) and a chat.
            DecisionRow vip = recorded(data, clock, "VIP", 45);
            recorded(data, clock, "STANDARD", 45);
            Simulation simulation = rules.simulate(faster, 7);
            assertEquals(2, simulation.decisions());
            assertEquals(1, simulation.changed(), simulation.changes().toString());
            assertEquals(vip.id(), simulation.changes().get(0).decisionId());
            assertEquals("supervisors", simulation.changes().get(0).after().queue());

            VersionSummary v2 = rules.publish(faster, fasterScenarios, "VIPs escalate after 30 s", ACTOR);
            assertEquals(2, v2.version());
            assertEquals(2, rules.live().version());
            assertEquals(2, rules.overview().versions().size());
            assertTrue(recorder.audit.contains("li routing.rules.publish routing-rules:2"), recorder.audit.toString());
            assertFalse(recorder.events.isEmpty());

            VersionSummary back = rules.activate(1, ACTOR);
            assertEquals(1, back.version());
            assertEquals(1, rules.live().version());
            assertTrue(rules.overview().versions().stream().anyMatch(v -> v.version() == 1 && v.active()));
            assertTrue(recorder.audit.contains("li routing.rules.activate routing-rules:1"), recorder.audit.toString());

            // A restart loads the live version from the database, not the defaults.
            RuleSets restarted = new RuleSets(data, recorder, recorder, config(), clock, false);
            assertEquals(1, restarted.live().version());
            assertNotNull(restarted.overview().active());
            rules.deactivate();
            restarted.deactivate();
        }
    }

    /** A decision as the dispatcher records it, made by the live rules on a waiting conversation. */
    private static DecisionRow recorded(RoutingData data, Clock clock, String tier, long waited) {
        io.kefu.routing.facts.Contact contact = new io.kefu.routing.facts.Contact();
        contact.setConversationId(UUID.randomUUID().toString());
        contact.setCustomerId("customer-" + tier);
        contact.setChannel("webchat");
        contact.setTrigger("WAITING");
        contact.setWaitingSeconds(waited);
        io.kefu.routing.facts.CustomerProfile customer = new io.kefu.routing.facts.CustomerProfile();
        customer.setTier(tier);
        io.kefu.routing.facts.Now now = new io.kefu.routing.facts.Now();
        now.setHour(10);
        now.setDayOfWeek(3);
        now.setBusinessHours(true);
        RoutingFacts facts = new RoutingFacts(contact, customer, now, List.of());
        RuleOutcome outcome = RuleCompiler.compile(data.read(m -> m.version(1)).drl(), 1000).decide(facts, "general");
        DecisionRow row = new DecisionRow(UUID.randomUUID().toString(), contact.getConversationId(),
                contact.getCustomerId(), clock.instant().minusSeconds(3600), "WAITING", 1, outcome.queue(),
                DecisionRecords.write(outcome.skills()), outcome.priority(), outcome.strategy(),
                outcome.preferLastAgent(), null, DecisionRecords.write(outcome.firedRules()),
                DecisionRecords.write(outcome.actions()), DecisionRecords.write(facts), false, false, null);
        data.execute(m -> m.insertDecision(row));
        return row;
    }
}
