package io.kefu.ticketing.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.ticket.NewTicket;
import io.kefu.api.ticket.Priority;
import io.kefu.api.ticket.Ticket;
import io.kefu.api.ticket.TicketStatus;
import io.kefu.api.workflow.ActionContext;
import io.kefu.api.workflow.ProcessAction;
import io.kefu.api.workflow.WorkTask;
import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import io.kefu.workflow.internal.ProcessActions;
import io.kefu.workflow.internal.WorkflowEngine;
import io.kefu.workflow.internal.WorkflowService;
import io.kefu.workflow.internal.Workbench;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.task.Task;

/**
 * Tickets created and driven through their lifecycle per second, on H2 and on MariaDB, by Kefu and by the raw
 * Camunda engine running the same processes on the same database; and the latency of an SOP step. A load driver
 * rather than JMH: each operation is milliseconds of database work, the Kefu and raw rounds are interleaved on one
 * database (so that both meet tables of the same size), and every step's latency is kept for percentiles.
 *
 * <pre>
 * mvn -q install -DskipTests
 * mvn -q -pl bundles/kefu.ticketing exec:exec@benchmark [-Dbenchmark.args="databases=H2 seconds=10"]
 * </pre>
 *
 * <p>Options (defaults): {@code databases=H2,MARIADB threads=4 warmup=40 seconds=20 rounds=3 sop-seconds=20}
 * (40 s of warm-up per side: with 20, the first measured round still ran at half speed while the JIT compiled).
 * {@code query-stats=N} (H2) instead runs {@code warmup} seconds of tickets per side, then N more with H2's query
 * statistics on, and prints the statements by total time per ticket and how often H2's metadata changed
 * ({@code -Dexplain=true} adds the plans of the three costliest, {@code -Dfull.sql=true} the whole SQL).
 * {@code statements=N} instead counts the SQL statements of N tickets on each side, one client, from H2's trace
 * of a database of its own ({@link #statements}), and measures nothing. What-ifs, not Kefu's settings:
 * {@code query-cache=N} gives H2 connections N parsed statements instead of Kefu's 64;
 * {@code history=none|activity|audit|full} switches both engines to that history level after they are built.
 * MariaDB is the server TestDatabase uses (127.0.0.1:3306, root; {@code -Dkefu.test.mysql.url=...} to change);
 * a scratch database is created and dropped.
 *
 * <p>One ticket is what an agent does with it: created with an assignee (no triage), asked the customer
 * (PENDING_CUSTOMER), the customer answered (back to ASSIGNED), resolved. For Kefu that is {@link TicketService}
 * with its rows, SLA targets and history, and the ticket-lifecycle process with its SLA timer. The raw side runs
 * the same process with the same start, task completions and message in the same order through
 * RuntimeService and TaskService, on an engine built by the same {@link WorkflowEngine} configuration, whose
 * {@code actions} only set the variables the processes need ({@link RawActions}).
 */
public final class TicketBenchmark {
    static final KefuUser AGENT = new KefuUser("agent-1", "li.na", "Li Na", Set.of(Role.AGENT));
    static final String[] TICKET_STEPS = {"create", "pending customer", "customer replied", "resolve"};
    static final String[] SOP_STEPS = {"start", "find the task", "complete the step"};

    record Options(List<TestDatabase> databases, int threads, int warmupSeconds, int seconds, int rounds,
            int sopSeconds, int statements, int queryStats, int queryCache, String history) {
        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                for (String word : arg.trim().split("\\s+")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    if (!word.contains("=")) {
                        throw new IllegalArgumentException("options look like name=value, not " + word);
                    }
                    String name = word.substring(0, word.indexOf('=')).replaceFirst("^--", "");
                    given.put(name, word.substring(word.indexOf('=') + 1));
                }
            }
            List<TestDatabase> databases = new ArrayList<>();
            for (String name : given.getOrDefault("databases", "H2,MARIADB").split(",")) {
                databases.add(TestDatabase.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
            Options options = new Options(databases, number(given, "threads", 4), number(given, "warmup", 40),
                    number(given, "seconds", 20), number(given, "rounds", 3), number(given, "sop-seconds", 20),
                    number(given, "statements", 0), number(given, "query-stats", 0), number(given, "query-cache", 0),
                    given.get("history"));
            given.keySet().removeAll(Set.of("databases", "threads", "warmup", "seconds", "rounds", "sop-seconds",
                    "statements", "query-stats", "query-cache", "history"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet());
            }
            return options;
        }

        private static int number(Map<String, String> given, String name, int fallback) {
            return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
        }
    }

    /** One way of doing the work: Kefu's services or the raw engine. */
    interface Side extends AutoCloseable {
        String name();

        /** One ticket through its lifecycle; the time of each step goes into {@code steps} (nanoseconds). */
        void ticket(long[] steps) throws Exception;

        /** An SOP started and its first step completed; the time of each step goes into {@code steps}. */
        void sop(long[] steps) throws Exception;

        @Override
        void close();
    }

    // ------------------------------------------------------------------ Kefu

    static final class KefuSide implements Side {
        private final Workbench workbench;
        private final TicketService tickets;
        private final WorkflowService workflows;
        private final AtomicLong conversations = new AtomicLong();
        private final AtomicReference<String> lastTicket = new AtomicReference<>();

        KefuSide(PooledStore store) throws IOException {
            workbench = Workbench.open(store);
            SlaPolicies policies;
            try (InputStream in = new FileInputStream(Path.of(System.getProperty("kefu.processes", "../../processes"),
                    "sla-policies.yaml").toFile())) {
                policies = SlaPolicies.read(in, "sla-policies.yaml");
            }
            tickets = new TicketService(new TicketData(store),
                    workbench.service(), policies, "support", "P7D", true, Clock.systemUTC());
            workbench.actions().add(new TicketActions.Status(tickets));
            workbench.actions().add(new TicketActions.Create(tickets));
            workbench.actions().add(new TicketActions.Check(tickets));
            workflows = workbench.service();
            workflows.library().deployDefaults(Workbench.repositoryProcesses());
        }

        @Override
        public String name() {
            return "Kefu";
        }

        @Override
        public void ticket(long[] steps) {
            long start = System.nanoTime();
            Ticket ticket = tickets.create(new NewTicket("delivery", "Parcel lost", "The parcel never arrived.",
                    Priority.NORMAL, "customer-1", "support", "agent-1", null, Map.of("orderNumber", "A-1001"),
                    "agent"), AGENT);
            long created = System.nanoTime();
            check(ticket, TicketStatus.ASSIGNED);
            check(tickets.transition(ticket.id(), TicketStatus.PENDING_CUSTOMER, AGENT), TicketStatus.PENDING_CUSTOMER);
            long pending = System.nanoTime();
            check(tickets.transition(ticket.id(), TicketStatus.ASSIGNED, AGENT), TicketStatus.ASSIGNED);
            long replied = System.nanoTime();
            check(tickets.transition(ticket.id(), TicketStatus.RESOLVED, AGENT), TicketStatus.RESOLVED);
            long resolved = System.nanoTime();
            lastTicket.set(ticket.id());
            steps[0] = created - start;
            steps[1] = pending - created;
            steps[2] = replied - pending;
            steps[3] = resolved - replied;
        }

        private static void check(Ticket ticket, TicketStatus expected) {
            if (ticket.status() != expected) {
                throw new IllegalStateException("ticket #" + ticket.id() + " is " + ticket.status() + ", not "
                        + expected);
            }
        }

        @Override
        public void sop(long[] steps) {
            String conversationId = "conversation-" + conversations.incrementAndGet();
            Map<String, Object> variables = sopVariables(conversationId);
            long start = System.nanoTime();
            workflows.start("refund-request", conversationId, variables);
            long started = System.nanoTime();
            List<WorkTask> open = workflows.tasks(conversationId);
            long found = System.nanoTime();
            if (open.size() != 1 || !"checkOrder".equals(open.get(0).activityId())) {
                throw new IllegalStateException("expected the step checkOrder, found " + open);
            }
            workflows.complete(open.get(0).id(), refundCheck(), AGENT);
            long completed = System.nanoTime();
            steps[0] = started - start;
            steps[1] = found - started;
            steps[2] = completed - found;
        }

        /** After a run: the last ticket and its SLA rows are as the lifecycle leaves them. */
        String verify() {
            long last = Long.parseLong(lastTicket.get());
            Ticket ticket = tickets.require(String.valueOf(last));
            List<String> slas = tickets.slas(last).stream().map(s -> s.target() + " " + s.state()).sorted().toList();
            long open = workbench.engine().call(camunda -> camunda.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(last)).count());
            return "last Kefu ticket #" + last + " " + ticket.status() + ", SLAs " + slas + ", running processes "
                    + open;
        }

        @Override
        public void close() {
            workbench.close();
        }
    }

    /** What ProcedureResource starts an SOP with from a conversation; both sides start it the same way. */
    static Map<String, Object> sopVariables(String conversationId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("orderNumber", null);
        variables.put("trackingNumber", null);
        variables.put("accountId", null);
        variables.put("conversationId", conversationId);
        variables.put("customerId", "customer-1");
        variables.put("channel", "webchat");
        variables.put("starter", AGENT.id());
        variables.put("starterName", AGENT.displayName());
        return variables;
    }

    static Map<String, Object> refundCheck() {
        Map<String, Object> values = new HashMap<>();
        values.put("orderNumber", "A-1001");
        values.put("amount", 129.5);
        values.put("reason", "damaged");
        values.put("eligible", false);
        return values;
    }

    // ------------------------------------------------------------------ raw Camunda

    /**
     * The {@code actions} of the raw engine: no ticket rows, only the variables the processes read afterwards,
     * the same that Kefu's steps set (the SLA clock's timer needs {@code nextDeadline}).
     */
    static final class RawActions {
        static ProcessActions create() {
            ProcessActions actions = new ProcessActions();
            actions.add(action("ticket.status", context -> {
            }));
            actions.add(action("sla.check", context -> context.setVariable("slaCheckAt",
                    new Date(System.currentTimeMillis() + Duration.ofDays(1).toMillis()))));
            return actions;
        }

        private static ProcessAction action(String name, java.util.function.Consumer<ActionContext> work) {
            return new ProcessAction() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public void execute(ActionContext context) {
                    work.accept(context);
                }
            };
        }
    }

    static final class RawSide implements Side {
        private final WorkflowEngine engine;
        private final RuntimeService runtime;
        private final TaskService tasks;
        private final AtomicLong keys = new AtomicLong();

        RawSide(PooledStore store) {
            // The same configuration as Kefu's engine (WorkflowEngine.configuration; Workbench's settings: job
            // executor off), on the same pool; the processes are those Kefu deployed to the same database.
            engine = new WorkflowEngine(store.dataSource(), store.kind(), RawActions.create(),
                    new WorkflowEngine.Settings(false, 2, "P180D"));
            ProcessEngine camunda = engine.call(e -> e);
            runtime = camunda.getRuntimeService();
            tasks = camunda.getTaskService();
        }

        @Override
        public String name() {
            return "raw Camunda";
        }

        @Override
        public void ticket(long[] steps) {
            // Business keys of their own: Kefu signals its processes by business key on the same tables.
            String key = "raw-" + keys.incrementAndGet();
            long start = System.nanoTime();
            Map<String, Object> variables = new HashMap<>();
            variables.put("ticketId", key);
            variables.put("teamId", "support");
            variables.put("assigneeId", "agent-1");
            variables.put("autoCloseAfter", "P7D");
            // Kefu sets the timer to the first SLA warning: three business hours ahead for a NORMAL ticket.
            variables.put("slaCheckAt", new Date(System.currentTimeMillis() + Duration.ofHours(3).toMillis()));
            String instance = runtime.startProcessInstanceByKey("ticket-lifecycle", key, variables).getId();
            long created = System.nanoTime();
            complete(instance, "pending");
            long pending = System.nanoTime();
            int received = runtime.createMessageCorrelation("customer-replied").processInstanceId(instance)
                    .setVariables(Map.of("resumedBy", AGENT.displayName())).correlateAllWithResult().size();
            expectOne(received, "customer-replied", key);
            long replied = System.nanoTime();
            complete(instance, "resolved");
            long resolved = System.nanoTime();
            steps[0] = created - start;
            steps[1] = pending - created;
            steps[2] = replied - pending;
            steps[3] = resolved - replied;
        }

        private void complete(String instance, String outcome) {
            Task work = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("work").singleResult();
            if (work == null) {
                throw new IllegalStateException("instance " + instance + " has no work task");
            }
            tasks.complete(work.getId(), Map.of("outcome", outcome));
        }

        private static void expectOne(int received, String message, String key) {
            if (received != 1) {
                throw new IllegalStateException(message + " reached " + received + " instances of " + key);
            }
        }

        @Override
        public void sop(long[] steps) {
            String key = "raw-conversation-" + keys.incrementAndGet();
            Map<String, Object> variables = sopVariables(key);
            long start = System.nanoTime();
            String instance = runtime.startProcessInstanceByKey("refund-request", key, variables).getId();
            long started = System.nanoTime();
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            long found = System.nanoTime();
            if (task == null || !"checkOrder".equals(task.getTaskDefinitionKey())) {
                throw new IllegalStateException("expected the step checkOrder, found " + task);
            }
            tasks.complete(task.getId(), refundCheck());
            long completed = System.nanoTime();
            steps[0] = started - start;
            steps[1] = found - started;
            steps[2] = completed - found;
        }

        /** After a run: the last raw ticket's process is where the lifecycle leaves it. */
        String verify() {
            String key = "raw-" + keys.get();
            return engine.call(camunda -> {
                long lifecycle = camunda.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceBusinessKey(key).count();
                String instance = camunda.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceBusinessKey(key).singleResult().getId();
                long timers = camunda.getManagementService().createJobQuery().processInstanceId(instance).timers()
                        .count();
                List<String> waiting = camunda.getRuntimeService().createEventSubscriptionQuery()
                        .processInstanceId(instance).list().stream().map(s -> s.getEventType() + " " + s.getEventName())
                        .sorted().toList();
                return "last raw ticket " + key + ": lifecycle running " + lifecycle + " waiting on " + waiting
                        + ", timers " + timers;
            });
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    // ------------------------------------------------------------------ measuring

    /** What one measured stretch gave. */
    record Result(String database, String side, String what, int threads, int round, long count, long errors,
            double seconds, long[][] steps, long[] totals, Usage usage, java.time.LocalTime startedAt) {
        double perSecond() {
            return count / seconds;
        }
    }

    /** Samples of machine and process counters around a stretch of work. */
    record Usage(long processCpuNs, long databaseCpuNs, long machineBusyTicks, long machineTicks, long gcCount,
            long gcMs, Map<String, Long> statements) {
        static Usage now(TestDatabase database) {
            long gcCount = 0;
            long gcMs = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += Math.max(0, gc.getCollectionCount());
                gcMs += Math.max(0, gc.getCollectionTime());
            }
            long[] machine = cpuTicks();
            return new Usage(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime(), databaseServerCpuNs(), machine[0], machine[1], gcCount, gcMs,
                    database == TestDatabase.MARIADB ? mariaDbStatements() : Map.of());
        }

        Usage minus(Usage before) {
            Map<String, Long> statements = new LinkedHashMap<>();
            this.statements.forEach((name, value) -> statements.put(name, value - before.statements.getOrDefault(name, 0L)));
            return new Usage(processCpuNs - before.processCpuNs, databaseCpuNs - before.databaseCpuNs,
                    machineBusyTicks - before.machineBusyTicks, machineTicks - before.machineTicks,
                    gcCount - before.gcCount, gcMs - before.gcMs, statements);
        }

        double machineBusy() {
            return machineTicks == 0 ? Double.NaN : 100.0 * machineBusyTicks / machineTicks;
        }

        /**
         * The share of all CPUs that other processes used: the machine's busy time less this JVM's and, on
         * MariaDB, the database server's (another client of the same server counts as ours here).
         */
        double others(boolean mariaDb) {
            if (machineTicks == 0) {
                return Double.NaN;
            }
            double busyNs = machineBusyTicks * 10_000_000.0;
            double oursNs = processCpuNs + (mariaDb ? databaseCpuNs : 0);
            return Math.max(0, 100.0 * (busyNs - oursNs) / (machineTicks * 10_000_000.0));
        }
    }

    /** Busy and all ticks of all CPUs since boot, from /proc/stat (0, 0 where there is none). */
    static long[] cpuTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** CPU time the local MariaDB/MySQL server has used (0 where it is not found in /proc). */
    static long databaseServerCpuNs() {
        try (var processes = Files.list(Path.of("/proc"))) {
            long ticks = 0;
            for (Path dir : (Iterable<Path>) processes::iterator) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String comm = Files.readString(dir.resolve("comm")).trim();
                    if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                        String stat = Files.readString(dir.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (IOException e) {
            return 0;
        }
    }

    static final String[] COUNTED = {"Questions", "Com_select", "Com_insert", "Com_update", "Com_delete",
        "Com_commit"};

    /** The server's statement counters (all clients: another client's work during a run shows up here). */
    static Map<String, Long> mariaDbStatements() {
        String url = System.getProperty("kefu.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
        try (Connection admin = DriverManager.getConnection(url, System.getProperty("kefu.test.mysql.user", "root"),
                System.getProperty("kefu.test.mysql.password", ""));
                Statement sql = admin.createStatement();
                ResultSet status = sql.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                        + String.join("','", COUNTED) + "')")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            while (status.next()) {
                counts.put(status.getString(1), status.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            return Map.of();
        }
    }

    /** A growable list of longs, one per thread, so that recording costs no locking. */
    static final class Samples {
        long[] values = new long[4096];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    interface Work {
        void run(Side side, long[] steps) throws Exception;
    }

    /**
     * {@code threads} clients doing {@code work} back to back for {@code seconds}; an operation counts when it ends
     * within the time. Every client ends its operation in flight before the next stretch starts.
     */
    static Result measure(TestDatabase database, Side side, String what, Work work, int stepCount, int threads,
            int seconds, int round) throws InterruptedException {
        Samples[][] steps = new Samples[threads][stepCount];
        Samples[] totals = new Samples[threads];
        long[] counts = new long[threads];
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int client = t;
            totals[t] = new Samples();
            for (int s = 0; s < stepCount; s++) {
                steps[t][s] = new Samples();
            }
            Thread thread = new Thread(() -> {
                long[] times = new long[stepCount];
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = window[1];
                while (true) {
                    long begin = System.nanoTime();
                    if (begin >= deadline) {
                        break;
                    }
                    try {
                        work.run(side, times);
                    } catch (Throwable e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                        continue;
                    }
                    long end = System.nanoTime();
                    if (end <= deadline) {
                        counts[client]++;
                        totals[client].add(end - begin);
                        for (int s = 0; s < stepCount; s++) {
                            steps[client][s].add(times[s]);
                        }
                    }
                }
            }, "benchmark-client-" + t);
            clients.add(thread);
            thread.start();
        }
        ready.await();
        Usage before = Usage.now(database);
        java.time.LocalTime startedAt = java.time.LocalTime.now().withNano(0);
        window[0] = System.nanoTime();
        window[1] = window[0] + Duration.ofSeconds(seconds).toNanos();
        go.countDown();
        Thread.sleep(Math.max(0, (window[1] - System.nanoTime()) / 1_000_000));
        while (System.nanoTime() < window[1]) {
            Thread.onSpinWait();
        }
        Usage usage = Usage.now(database).minus(before);
        for (Thread thread : clients) {
            thread.join();
        }
        if (firstError.get() != null) {
            System.out.println("    ! " + errors.get() + " failed operations, the first: " + firstError.get());
            firstError.get().printStackTrace(System.out);
        }
        long[][] merged = new long[stepCount][];
        for (int s = 0; s < stepCount; s++) {
            int step = s;
            merged[s] = merge(Arrays.stream(steps).map(perThread -> perThread[step]).toArray(Samples[]::new));
        }
        return new Result(database.name(), side.name(), what, threads, round, Arrays.stream(counts).sum(),
                errors.get(), seconds, merged, merge(totals), usage, startedAt);
    }

    static long[] merge(Samples[] samples) {
        int size = 0;
        for (Samples s : samples) {
            size += s.size;
        }
        long[] all = new long[size];
        int at = 0;
        for (Samples s : samples) {
            System.arraycopy(s.values, 0, all, at, s.size);
            at += s.size;
        }
        Arrays.sort(all);
        return all;
    }

    static double percentileMs(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static String latencies(long[] sorted) {
        return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", percentileMs(sorted, 0.5), percentileMs(sorted, 0.9),
                percentileMs(sorted, 0.99));
    }

    static void print(Result r, String[] stepNames) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "  %s %-7s %-11s %-7s %s%d thr: %,6d in %d s = %7.1f/s", r.startedAt(), r.database(), r.side(), r.what(),
                r.round() > 0 ? "round " + r.round() + ", " : "", r.threads(), r.count(), (int) r.seconds(),
                r.perSecond()));
        if (r.errors() > 0) {
            line.append(", ").append(r.errors()).append(" FAILED");
        }
        line.append(String.format(Locale.ROOT, "; CPU/op: JVM %.2f ms", r.usage().processCpuNs() / 1e6 / Math.max(1, r.count())));
        if (r.usage().databaseCpuNs() > 0) {
            line.append(String.format(Locale.ROOT, ", mariadbd %.2f ms", r.usage().databaseCpuNs() / 1e6 / Math.max(1, r.count())));
        }
        line.append(String.format(Locale.ROOT, "; machine busy %.0f %%, other processes %.0f %%; GC %d (%d ms)",
                r.usage().machineBusy(), r.usage().others(r.database().equals("MARIADB")), r.usage().gcCount(),
                r.usage().gcMs()));
        System.out.println(line);
        StringBuilder detail = new StringBuilder("      p50/p90/p99 ms: ");
        for (int s = 0; s < stepNames.length; s++) {
            detail.append(stepNames[s]).append(' ').append(latencies(r.steps()[s])).append(", ");
        }
        detail.append("all ").append(latencies(r.totals()));
        System.out.println(detail);
        if (!r.usage().statements().isEmpty()) {
            StringBuilder statements = new StringBuilder("      statements/op (server-wide):");
            r.usage().statements().forEach((name, value) -> statements.append(String.format(Locale.ROOT, " %s %.1f",
                    name.replace("Com_", ""), (double) value / Math.max(1, r.count()))));
            System.out.println(statements);
        }
    }

    // ------------------------------------------------------------------ the run

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        machine(options);
        if (options.statements() > 0) {
            statements(options.statements());
            System.exit(0);
        }
        if (options.queryStats() > 0) {
            queryStats(options.queryStats(), options.warmupSeconds());
            System.exit(0);
        }
        List<Result> results = new ArrayList<>();
        for (TestDatabase database : options.databases()) {
            ScratchDatabase scratch;
            try {
                scratch = database.create();
            } catch (RuntimeException e) {
                System.out.println(database + " skipped: " + e.getMessage());
                continue;
            }
            String url = scratch.url();
            if (database == TestDatabase.MARIADB) {
                // Camunda looks for its tables through JDBC metadata, which by default searches every database on
                // the server: another database with Camunda's tables (another Kefu, a test) hides that this one is
                // empty, and the engine fails to start. Only the current database counts with this setting.
                url += "&nullDatabaseMeansCurrent=true";
            }
            if (options.queryCache() > 0) {
                url = url.replace("QUERY_CACHE_SIZE=64", "QUERY_CACHE_SIZE=" + options.queryCache());
            }
            try (scratch; PooledStore store = PooledStore.open(url, scratch.user(), scratch.password())) {
                // Kefu's production pool (kefu.store maximumPoolSize default), not the 5 of PooledStore.open.
                ((HikariDataSource) store.dataSource()).getHikariConfigMXBean().setMaximumPoolSize(32);
                run(database, store, options, results);
            }
        }
        summary(options, results);
        System.exit(0);
    }

    static void run(TestDatabase database, PooledStore store, Options options, List<Result> results)
            throws Exception {
        System.out.println();
        System.out.println("== " + database + " (" + store.kind() + ")");
        try (KefuSide kefu = new KefuSide(store); RawSide raw = new RawSide(store)) {
            if (options.history() != null) {
                HistoryLevel level = switch (options.history()) {
                    case "none" -> HistoryLevel.HISTORY_LEVEL_NONE;
                    case "activity" -> HistoryLevel.HISTORY_LEVEL_ACTIVITY;
                    case "audit" -> HistoryLevel.HISTORY_LEVEL_AUDIT;
                    case "full" -> HistoryLevel.HISTORY_LEVEL_FULL;
                    default -> throw new IllegalArgumentException("history is none, activity, audit or full");
                };
                for (WorkflowEngine engine : List.of(kefu.workbench.engine(), raw.engine)) {
                    engine.run(camunda -> ((ProcessEngineImpl) camunda).getProcessEngineConfiguration()
                            .setHistoryLevel(level));
                }
                System.out.println("  what-if: both engines at history level " + level.getName());
            }
            Work ticket = Side::ticket;
            Work sop = Side::sop;
            int threads = options.threads();
            System.out.println("  warm-up, " + options.warmupSeconds() + " s each:");
            print(measure(database, kefu, "tickets", ticket, 4, threads, options.warmupSeconds(), 0), TICKET_STEPS);
            print(measure(database, raw, "tickets", ticket, 4, threads, options.warmupSeconds(), 0), TICKET_STEPS);
            System.out.println("  " + kefu.verify());
            System.out.println("  " + raw.verify());
            System.out.println("  measured, " + options.seconds() + " s each, Kefu and raw in turn:");
            for (int round = 1; round <= options.rounds(); round++) {
                List<Side> order = round % 2 == 1 ? List.of(kefu, raw) : List.of(raw, kefu);
                for (Side side : order) {
                    Result result = measure(database, side, "tickets", ticket, 4, threads, options.seconds(), round);
                    print(result, TICKET_STEPS);
                    results.add(result);
                }
            }
            System.out.println("  " + kefu.verify());
            System.out.println("  " + raw.verify());
            System.out.println("  SOP refund-request: warm-up " + Math.max(5, options.warmupSeconds() / 2)
                    + " s each, then 1 and " + threads + " clients, " + options.sopSeconds() + " s each:");
            print(measure(database, kefu, "SOP", sop, 3, threads, Math.max(5, options.warmupSeconds() / 2), 0),
                    SOP_STEPS);
            print(measure(database, raw, "SOP", sop, 3, threads, Math.max(5, options.warmupSeconds() / 2), 0),
                    SOP_STEPS);
            for (int clients : new int[] {1, threads}) {
                for (Side side : List.of(kefu, raw)) {
                    Result result = measure(database, side, "SOP", sop, 3, clients, options.sopSeconds(), 0);
                    print(result, SOP_STEPS);
                    results.add(result);
                }
            }
        }
    }

    /**
     * The SQL statements of {@code tickets} tickets on each side, from H2's trace file (TRACE_LEVEL_FILE=2 logs
     * every statement), by kind and table, per ticket. Runs on a database of its own, after a warm-up.
     */
    static void statements(int tickets) throws Exception {
        try (ScratchDatabase scratch = TestDatabase.H2.create();
                PooledStore store = PooledStore.open(scratch.url() + ";TRACE_LEVEL_FILE=2;TRACE_MAX_FILE_SIZE=4096",
                        scratch.user(), scratch.password());
                KefuSide kefu = new KefuSide(store);
                RawSide raw = new RawSide(store)) {
            Path trace = Path.of(scratch.url().substring("jdbc:h2:file:".length(), scratch.url().indexOf(';'))
                    + ".trace.db");
            long[] steps = new long[4];
            for (int i = 0; i < 50; i++) {
                kefu.ticket(steps);
                raw.ticket(steps);
            }
            long start = Files.size(trace);
            for (int i = 0; i < tickets; i++) {
                kefu.ticket(steps);
            }
            long middle = Files.size(trace);
            for (int i = 0; i < tickets; i++) {
                raw.ticket(steps);
            }
            long end = Files.size(trace);
            // Kept for reading: the Kefu tickets' statements, then the raw ones.
            Path kept = Path.of("target", "ticket-statements.trace.db");
            try (var in = java.nio.channels.FileChannel.open(trace);
                    var out = java.nio.channels.FileChannel.open(kept, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(start, end - start, out);
            }
            System.out.println("The statements (Kefu's tickets, then the raw ones, " + (middle - start)
                    + " bytes of Kefu's): " + kept.toAbsolutePath());
            Map<String, Long> kefuCounts = statementCounts(trace, start, middle);
            Map<String, Long> rawCounts = statementCounts(trace, middle, end);
            Set<String> kinds = new java.util.TreeSet<>(kefuCounts.keySet());
            kinds.addAll(rawCounts.keySet());
            List<String> ordered = new ArrayList<>(kinds);
            ordered.sort(java.util.Comparator.comparingLong((String k) -> -kefuCounts.getOrDefault(k, 0L))
                    .thenComparing(k -> -rawCounts.getOrDefault(k, 0L)));
            System.out.println();
            System.out.println("SQL statements per ticket on H2 (" + tickets + " tickets each, one client):");
            System.out.println("| statement | Kefu | raw Camunda |");
            System.out.println("|---|---|---|");
            for (String kind : ordered) {
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", kind,
                        kefuCounts.getOrDefault(kind, 0L) / (double) tickets,
                        rawCounts.getOrDefault(kind, 0L) / (double) tickets);
            }
            System.out.printf(Locale.ROOT, "| all | %.1f | %.1f |%n",
                    kefuCounts.values().stream().mapToLong(Long::longValue).sum() / (double) tickets,
                    rawCounts.values().stream().mapToLong(Long::longValue).sum() / (double) tickets);
        }
    }

    /**
     * Where the database time of a ticket goes, from H2's own statistics ({@code SET QUERY_STATISTICS}): one client
     * on a database of its own, {@code warmupSeconds} of tickets on each side first (so that the tables hold what a
     * busy day leaves), then {@code tickets} tickets per side; the statements by total time, per ticket.
     */
    static void queryStats(int tickets, int warmupSeconds) throws Exception {
        try (ScratchDatabase scratch = TestDatabase.H2.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
                KefuSide kefu = new KefuSide(store);
                RawSide raw = new RawSide(store)) {
            long[] steps = new long[4];
            long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            int warm = 0;
            while (System.nanoTime() < until) {
                kefu.ticket(steps);
                raw.ticket(steps);
                warm++;
            }
            System.out.println("Warm-up: " + warm + " tickets per side");
            for (Side side : List.<Side>of(kefu, raw)) {
                try (Connection connection = store.dataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
                    statement.execute("SET QUERY_STATISTICS TRUE");
                    long metaBefore = metadataVersion(connection);
                    long start = System.nanoTime();
                    for (int i = 0; i < tickets; i++) {
                        side.ticket(steps);
                    }
                    long wall = System.nanoTime() - start;
                    // Every change of H2's metadata version empties every connection's cache of parsed statements.
                    System.out.printf(Locale.ROOT, "%n%s: H2 metadata changes per ticket: %.2f", side.name(),
                            (metadataVersion(connection) - metaBefore) / (double) tickets);
                    System.out.printf(Locale.ROOT, "%n%s: %d tickets, %.2f ms each (wall); top statements by total"
                            + " time, per ticket:%n", side.name(), tickets, wall / 1e6 / tickets);
                    System.out.println("| ms | runs | rows | statement |");
                    System.out.println("|---|---|---|---|");
                    double total = 0;
                    int shown = 0;
                    try (ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT,"
                            + " CUMULATIVE_EXECUTION_TIME, CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                            + " ORDER BY CUMULATIVE_EXECUTION_TIME DESC")) {
                        while (rows.next()) {
                            double ms = rows.getDouble(3) / tickets;
                            total += ms;
                            if (shown++ < 15) {
                                String sql = rows.getString(1).replaceAll("\\s+", " ");
                                System.out.printf(Locale.ROOT, "| %.3f | %.1f | %.1f | %s |%n", ms,
                                        rows.getLong(2) / (double) tickets, rows.getLong(4) / (double) tickets,
                                        sql.length() > 160 && !Boolean.getBoolean("full.sql") ? sql.substring(0, 160) + "…" : sql);
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %.3f | | | all statements |%n", total);
                    if (Boolean.getBoolean("explain")) {
                        List<String> top = new ArrayList<>();
                        try (ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT FROM"
                                + " INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT 3")) {
                            while (rows.next()) {
                                top.add(rows.getString(1));
                            }
                        }
                        for (String sql : top) {
                            if (!sql.trim().toLowerCase(Locale.ROOT).startsWith("select")) {
                                continue;
                            }
                            try (ResultSet plan = statement.executeQuery("EXPLAIN " + sql.replace("?", "'1'"))) {
                                while (plan.next()) {
                                    System.out.println("  plan: " + plan.getString(1).replaceAll("\\s+", " "));
                                }
                            } catch (SQLException e) {
                                System.out.println("  no plan: " + e.getMessage());
                            }
                        }
                    }
                    statement.execute("SET QUERY_STATISTICS FALSE");
                }
            }
        }
    }

    /** H2's metadata version (each change empties the parsed-statement caches); a diagnostic, H2 only. */
    static long metadataVersion(Connection connection) throws SQLException {
        org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal) connection
                .unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        return session.getDatabase().getModificationMetaId();
    }

    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:from|into|update)\\s+([a-z_0-9.]+)");

    /** Statements of a stretch of H2's trace file by kind and first table ("SELECT act_ru_task", "COMMIT"). */
    static Map<String, Long> statementCounts(Path trace, long from, long to) throws IOException {
        byte[] bytes;
        try (var file = java.nio.channels.FileChannel.open(trace)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (to - from));
            while (buffer.hasRemaining() && file.read(buffer, from + buffer.position()) >= 0) {
                // reads until the stretch is in
            }
            bytes = buffer.array();
        }
        Map<String, Long> counts = new HashMap<>();
        for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            String sql = line.replace("\\n", " ").replace("\\t", " ").strip();
            if (sql.startsWith("/*SQL")) {
                sql = sql.substring(sql.indexOf("*/") + 2).strip();
            } else if (!sql.matches("(?is)^(select|insert|update|delete|commit|rollback)\\b.*")) {
                continue;
            }
            String[] words = sql.replace(";", "").split("[\\s(]+", 3);
            String verb = words[0].toUpperCase(Locale.ROOT);
            if (verb.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher table = TABLE.matcher(sql);
            String kind = verb.equals("SET") && words.length > 1 ? "SET " + words[1].toUpperCase(Locale.ROOT)
                    : table.find() ? verb + " " + table.group(1).toLowerCase(Locale.ROOT) : verb;
            counts.merge(kind, 1L, Long::sum);
        }
        return counts;
    }

    static void machine(Options options) {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            // not Linux
        }
        System.out.println("Ticket benchmark " + LocalDate.now() + ": " + Runtime.getRuntime().availableProcessors()
                + " CPUs (" + cpu + "), Java " + System.getProperty("java.vm.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, load average " + load);
        System.out.println("Options: " + options);
    }

    static void summary(Options options, List<Result> results) {
        System.out.println();
        System.out.println("Tickets through their lifecycle per second, " + options.threads() + " clients, "
                + options.rounds() + " rounds of " + options.seconds() + " s (mean, min-max):");
        System.out.println("| database | Kefu tickets/s | raw Camunda tickets/s | Kefu / raw | Kefu ticket p50/p99 ms"
                + " | raw ticket p50/p99 ms | Kefu / raw CPU per ticket (JVM + mariadbd) | other processes' CPU |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String database : results.stream().map(Result::database).distinct().toList()) {
            List<Result> kefu = results.stream().filter(r -> r.database().equals(database) && r.what().equals("tickets")
                    && r.side().equals("Kefu")).toList();
            List<Result> raw = results.stream().filter(r -> r.database().equals(database) && r.what().equals("tickets")
                    && !r.side().equals("Kefu")).toList();
            double kefuMean = kefu.stream().mapToDouble(Result::perSecond).average().orElse(Double.NaN);
            double rawMean = raw.stream().mapToDouble(Result::perSecond).average().orElse(Double.NaN);
            boolean mariaDb = database.equals("MARIADB");
            double others = results.stream().filter(r -> r.database().equals(database) && r.what().equals("tickets"))
                    .mapToDouble(r -> r.usage().others(mariaDb)).average().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %.1f / %.1f ms | %.0f %% |%n", database,
                    range(kefu), range(raw), kefuMean / rawMean, p50p99(kefu), p50p99(raw), cpuPerOp(kefu),
                    cpuPerOp(raw), others);
        }
        System.out.println();
        System.out.println("SOP refund-request, first step (form refund-check, not eligible), ms p50/p90/p99:");
        System.out.println("| database | side | clients | SOPs/s | start | find the task | complete the step |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            if (r.what().equals("SOP")) {
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %.0f | %s | %s | %s |%n", r.database(), r.side(),
                        r.threads(), r.perSecond(), latencies(r.steps()[0]), latencies(r.steps()[1]),
                        latencies(r.steps()[2]));
            }
        }
    }

    private static String range(List<Result> rounds) {
        double mean = rounds.stream().mapToDouble(Result::perSecond).average().orElse(Double.NaN);
        double min = rounds.stream().mapToDouble(Result::perSecond).min().orElse(Double.NaN);
        double max = rounds.stream().mapToDouble(Result::perSecond).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", mean, min, max);
    }

    private static double cpuPerOp(List<Result> rounds) {
        double ns = rounds.stream().mapToDouble(r -> r.usage().processCpuNs()
                + (r.database().equals("MARIADB") ? r.usage().databaseCpuNs() : 0)).sum();
        return ns / 1e6 / Math.max(1, rounds.stream().mapToLong(Result::count).sum());
    }

    private static String p50p99(List<Result> rounds) {
        long[] all = merge(rounds.stream().map(r -> {
            Samples s = new Samples();
            s.values = r.totals();
            s.size = r.totals().length;
            return s;
        }).toArray(Samples[]::new));
        return String.format(Locale.ROOT, "%.1f/%.1f", percentileMs(all, 0.5), percentileMs(all, 0.99));
    }

    private TicketBenchmark() {
    }
}
