package io.kefu.routing.internal;

import io.kefu.api.agent.Presence;
import io.kefu.routing.facts.Contact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The routing benchmark (JMH): how many routing decisions per second, at what p99 latency, the default rules
 * (rules/routing.drl, 33 rules) make on 2 threads (2 cores), side by side in the same run with the same decision
 * hand-coded in plain Java ({@link HandCodedRouting}, proved equal by {@link HandCodedRoutingTest}); and how long
 * publishing a 100-rule set takes. Goals (docs/performance.md): at least 50,000 decisions/s, at most 3 times the
 * hand-coded cost, publishing 100 rules within 1 s.
 *
 * <p>One decision is what the dispatcher does for a conversation: the rules' outcome for one of 1,024 pre-generated
 * random fact sets ({@link RandomRoutingFacts}, cycled through), then {@link AgentSelector#select} among 200
 * agents (skills at levels 1-5 among those the rules ask for, teams, capacity per channel, random load, about 70%
 * online) for the queue's team. Nothing is changed by a decision (no load is added), so every iteration sees the
 * same agents.
 * <ul>
 * <li>{@code drools}, {@code handCoded}: throughput, decisions per second summed over both threads (ops/s).</li>
 * <li>{@code droolsLatency}, {@code handCodedLatency}: the same work under {@code SampleTime}, in microseconds per
 * decision with percentiles (read p0.99). JMH has one output time unit per benchmark method, so decisions/s and
 * µs each get their own pair of methods rather than two modes on one method.</li>
 * <li>{@code publish100Rules}: single shots, in ms, of compiling a 100-rule DRL (the default 33 plus 67 generated,
 * realistic rules: per-intent and channel priority tweaks, per-tier skill levels, keyword rules) with
 * {@link RuleCompiler#compile} and running one decision on it: what publishing does besides writing a row.</li>
 * </ul>
 *
 * <p>Run, from the repository root, on otherwise idle cores:
 * <pre>
 * mvn -q install -DskipTests -pl bundles/kefu.routing
 * mvn -q -pl bundles/kefu.routing exec:exec@benchmark
 * </pre>
 * or, to pass JMH options (e.g. a short smoke run {@code -wi 1 -i 1 -w 1s -r 1s}):
 * <pre>
 * mvn -q dependency:build-classpath -pl bundles/kefu.routing -Dmdep.outputFile=/tmp/routing-cp.txt -Dmdep.includeScope=test
 * java -cp bundles/kefu.routing/target/test-classes:bundles/kefu.routing/target/classes:$(cat /tmp/routing-cp.txt) \
 *     org.openjdk.jmh.Main RoutingBenchmark
 * </pre>
 * The default rules are read from rules/routing.drl (found from the repository root or the module directory, or
 * given with {@code -Dkefu.routing.drl=path}).
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 8, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
@Threads(2)
public class RoutingBenchmark {
    static final int FACT_SETS = 1024; // a power of two: the index wraps with a mask
    static final int AGENTS = 200;
    static final String DEFAULT_QUEUE = "general";
    static final String[] SKILLS = {"orders", "logistics", "refunds", "returns", "invoicing", "accounts",
        "complaints", "writing", "vip_care", "deescalation"};
    /** The team that serves each queue the default rules route to. */
    static final Map<String, String> QUEUE_TEAMS = Map.of("general", "frontline", "after_sales", "after_sales",
            "finance", "finance", "complaints", "complaints", "vip", "vip", "supervisors", "supervisors");
    static final Map<String, Integer> CAPACITY = Map.of("webchat", 5, "email", 10, "webhook", 5, "voice", 1);

    /** The default rule set, compiled once and shared by both threads (CompiledRuleSet is thread-safe). */
    @State(Scope.Benchmark)
    public static class Rules {
        CompiledRuleSet rules;

        @Setup(Level.Trial)
        public void compile() {
            rules = RuleCompiler.compile(defaultDrl(), 1000);
        }

        @TearDown(Level.Trial)
        public void dispose() {
            rules.dispose();
        }
    }

    /** One thread's dispatcher: its own selector (not thread-safe), agents and facts. */
    @State(Scope.Thread)
    public static class Dispatcher {
        RoutingFacts[] facts;
        List<AgentState> agents;
        AgentSelector selector;
        int next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            facts = RandomRoutingFacts.many(1000L + thread.getThreadIndex(), FACT_SETS);
            agents = agents(new Random(42), AGENTS);
            selector = new AgentSelector();
        }

        RoutingFacts nextFacts() {
            return facts[next++ & (FACT_SETS - 1)];
        }

        AgentState select(RoutingFacts facts, RuleOutcome outcome) {
            Contact contact = facts.contact();
            return selector.select(agents, QUEUE_TEAMS.get(outcome.queue()), outcome.queue(), contact.getChannel(),
                    outcome, contact.getLastAgent());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void drools(Rules rules, Dispatcher dispatcher, Blackhole blackhole) {
        decideWithDrools(rules, dispatcher, blackhole);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void handCoded(Dispatcher dispatcher, Blackhole blackhole) {
        decideByHand(dispatcher, blackhole);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void droolsLatency(Rules rules, Dispatcher dispatcher, Blackhole blackhole) {
        decideWithDrools(rules, dispatcher, blackhole);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void handCodedLatency(Dispatcher dispatcher, Blackhole blackhole) {
        decideByHand(dispatcher, blackhole);
    }

    private static void decideWithDrools(Rules rules, Dispatcher dispatcher, Blackhole blackhole) {
        RoutingFacts facts = dispatcher.nextFacts();
        RuleOutcome outcome = rules.rules.decide(facts, DEFAULT_QUEUE);
        blackhole.consume(outcome);
        blackhole.consume(dispatcher.select(facts, outcome));
    }

    private static void decideByHand(Dispatcher dispatcher, Blackhole blackhole) {
        RoutingFacts facts = dispatcher.nextFacts();
        RuleOutcome outcome = HandCodedRouting.decide(facts, DEFAULT_QUEUE);
        blackhole.consume(outcome);
        blackhole.consume(dispatcher.select(facts, outcome));
    }

    /** The DRL of a 100-rule set and the facts of the one decision made on it after compiling. */
    @State(Scope.Benchmark)
    public static class Publishing {
        String drl;
        RoutingFacts facts;

        @Setup(Level.Trial)
        public void setUp() {
            drl = hundredRuleDrl();
            facts = RandomRoutingFacts.next(new Random(7));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public RuleOutcome publish100Rules(Publishing publishing) {
        CompiledRuleSet rules = RuleCompiler.compile(publishing.drl, 1000);
        try {
            return rules.decide(publishing.facts, DEFAULT_QUEUE);
        } finally {
            rules.dispose();
        }
    }

    // ------------------------------------------------------------------------------------------------ the data

    static String defaultDrl() {
        String configured = System.getProperty("kefu.routing.drl");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("rules/routing.drl"), Path.of("../../rules/routing.drl"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("rules/routing.drl not found from " + Path.of("").toAbsolutePath()
                + " (run from the repository root or the module, or set -Dkefu.routing.drl)");
    }

    /** 200 agents: everyone in the frontline team, most in one or two specialist teams as well. */
    static List<AgentState> agents(Random random, int count) {
        String[] specialistTeams = {"after_sales", "after_sales", "finance", "complaints", "vip", "supervisors"};
        Instant now = Instant.parse("2025-06-17T02:00:00Z");
        List<AgentState> agents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            int skillCount = 2 + random.nextInt(5);
            while (skills.size() < skillCount) {
                skills.put(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(5));
            }
            Set<String> teams = new LinkedHashSet<>();
            teams.add("frontline");
            int specialist = random.nextInt(3);
            for (int t = 0; t < specialist; t++) {
                teams.add(specialistTeams[random.nextInt(specialistTeams.length)]);
            }
            int p = random.nextInt(10);
            Presence presence = p < 7 ? Presence.ONLINE : p < 9 ? Presence.AWAY : Presence.OFFLINE;
            AgentState agent = new AgentState(String.format("agent-%03d", i), "Agent " + i, skills, teams, CAPACITY,
                    presence, now.minusSeconds(random.nextInt(8 * 3600)));
            if (random.nextInt(4) != 0) {
                agent.lastAssignedAt = now.minusSeconds(random.nextInt(3600));
            }
            Map<String, Integer> load = new HashMap<>();
            for (Map.Entry<String, Integer> channel : CAPACITY.entrySet()) {
                load.put(channel.getKey(), random.nextInt(channel.getValue() + 1)); // 0 to full
            }
            agent.load.putAll(load);
            agents.add(agent);
        }
        return agents;
    }

    /**
     * The default 33 rules and 67 more of the kind analysts add: a priority tweak per intent and channel (28), a
     * stricter skill level per tier and intent (21) and keyword rules (18), all with distinct names.
     */
    static String hundredRuleDrl() {
        String[][] intents = { // intent, skill
            {"order_status", "orders"}, {"delivery", "logistics"}, {"refund", "refunds"}, {"return", "returns"},
            {"invoice", "invoicing"}, {"account", "accounts"}, {"complaint", "complaints"}};
        String[] channels = {"webchat", "email", "webhook", "voice"};
        String[] tiers = {"SILVER", "GOLD", "VIP"};
        String[][] keywords = { // name, condition, consequence
            {"Urgent requests come earlier", "mentions(\"加急\") || mentions(\"urgent\")", "$d.addPriority(10);"},
            {"Broken goods need the returns skill", "mentions(\"破损\") || mentions(\"broken\")",
                "$d.requireSkill(\"returns\", 2);"},
            {"Parcel questions need logistics", "mentions(\"快递\") || mentions(\"parcel\")",
                "$d.requireSkill(\"logistics\", 1);"},
            {"Money back needs the refunds skill", "mentions(\"退款\") || mentions(\"money back\")",
                "$d.requireSkill(\"refunds\", 1);"},
            {"Password trouble needs the accounts skill", "mentions(\"密码\") || mentions(\"password\")",
                "$d.requireSkill(\"accounts\", 1);"},
            {"Mentioning a complaint comes earlier", "mentions(\"投诉\") || mentions(\"complain\")",
                "$d.addPriority(5);"},
            {"Shipping dates need logistics", "mentions(\"发货\") || mentions(\"shipping\")",
                "$d.requireSkill(\"logistics\", 2);"},
            {"Bad reviews are a reputation risk", "mentions(\"差评\") || mentions(\"bad review\")",
                "$d.addPriority(10); $d.tagCustomer(\"review_risk\");"},
            {"Warranty questions go to after-sales", "mentions(\"保修\") || mentions(\"warranty\")",
                "$d.routeTo(\"after_sales\"); $d.requireSkill(\"returns\", 1);"},
            {"Quality problems need returns", "mentions(\"质量\") || mentions(\"quality\")",
                "$d.requireSkill(\"returns\", 2); $d.addPriority(5);"},
            {"Fraud suspicions alert the supervisors", "mentions(\"诈骗\") || mentions(\"fraud\")",
                "$d.notifySupervisors(\"Possible fraud\");"},
            {"Double charges need refunds", "mentions(\"重复扣款\") || mentions(\"charged twice\")",
                "$d.requireSkill(\"refunds\", 3); $d.addPriority(10);"},
            {"Tax numbers go to finance", "mentions(\"税号\") || mentions(\"tax number\")",
                "$d.routeTo(\"finance\"); $d.requireSkill(\"invoicing\", 2);"},
            {"Wholesale enquiries are tagged", "mentions(\"批发\") || mentions(\"wholesale\")",
                "$d.tagCustomer(\"wholesale\");"},
            {"Gift orders need orders", "mentions(\"礼品\") || mentions(\"gift\")", "$d.requireSkill(\"orders\", 1);"},
            {"Address changes need logistics", "mentions(\"改地址\") || mentions(\"change the address\")",
                "$d.requireSkill(\"logistics\", 2); $d.addPriority(5);"},
            {"Thanks need no hurry", "mentions(\"谢谢\") || mentions(\"thank you\")", "$d.addPriority(-5);"},
            {"Coupons go to general", "mentions(\"优惠券\") || mentions(\"coupon\")", "$d.routeTo(\"general\");"},
        };
        StringBuilder drl = new StringBuilder(defaultDrl()).append("\n\n// ---- 67 generated rules\n");
        int points = 0;
        for (String[] intent : intents) {
            for (String channel : channels) {
                points = points % 5 + 1;
                drl.append("rule \"Priority tweak for ").append(intent[0]).append(" over ").append(channel)
                        .append("\"\n    salience 15\nwhen\n    Contact(withAgent == false, intent == \"")
                        .append(intent[0]).append("\", channel == \"").append(channel)
                        .append("\")\n    $d : Decision()\nthen\n    $d.addPriority(").append(points)
                        .append(");\nend\n\n");
            }
        }
        for (int t = 0; t < tiers.length; t++) {
            for (String[] intent : intents) {
                drl.append("rule \"").append(tiers[t]).append(" customers asking about ").append(intent[0])
                        .append(" get a senior agent\"\n    salience 18\nwhen\n    Contact(withAgent == false, intent == \"")
                        .append(intent[0]).append("\")\n    CustomerProfile(tier == \"").append(tiers[t])
                        .append("\")\n    $d : Decision()\nthen\n    $d.requireSkill(\"").append(intent[1])
                        .append("\", ").append(t + 2).append(");\nend\n\n");
            }
        }
        for (String[] keyword : keywords) {
            drl.append("rule \"").append(keyword[0]).append("\"\n    salience 40\nwhen\n    Contact(withAgent == false, ")
                    .append(keyword[1]).append(")\n    $d : Decision()\nthen\n    ").append(keyword[2])
                    .append("\nend\n\n");
        }
        return drl.toString();
    }
}
