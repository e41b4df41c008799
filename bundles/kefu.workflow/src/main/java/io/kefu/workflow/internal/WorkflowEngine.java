package io.kefu.workflow.internal;

import io.kefu.store.DatabaseKind;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Camunda engine on Kefu's database. Camunda finds its expression language, MyBatis mappings and
 * parsers through the thread's context class loader, which inside OSGi must be this bundle's: it is set while the
 * engine boots and around every call ({@link #call}), and the job executor's threads inherit it from the boot.
 * In the framework, {@link WorkflowStart} boots it and offers it as a service once it is ready.
 */
public final class WorkflowEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

    private final ProcessEngine engine;

    /** The engine's settings that tests and benchmarks choose too. */
    public record Settings(boolean jobExecutor, int jobThreads, String historyTimeToLive, String retryCycle) {
        public Settings(boolean jobExecutor, int jobThreads, String historyTimeToLive) {
            this(jobExecutor, jobThreads, historyTimeToLive, "R3/PT1M");
        }
    }

    public WorkflowEngine(DataSource dataSource, DatabaseKind kind, ProcessActions actions, Settings settings) {
        long started = System.nanoTime();
        this.engine = withBundleLoader(() -> configuration(dataSource, kind, actions, settings).buildProcessEngine());
        if (kind == DatabaseKind.H2) {
            addH2Indexes(dataSource);
        }
        LOG.info("Workflow engine started on {} in {} ms (job executor {})", kind,
                (System.nanoTime() - started) / 1_000_000, settings.jobExecutor() ? "on" : "off");
    }

    static ProcessEngineConfigurationImpl configuration(DataSource dataSource, DatabaseKind kind,
            ProcessActions actions, Settings settings) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("kefu-" + System.identityHashCode(configuration));
        configuration.setDataSource(dataSource);
        // The pool hands out connections with auto-commit off (kefu.store); Camunda commits its own transactions.
        configuration.setTransactionsExternallyManaged(false);
        configuration.setDatabaseType(kind == DatabaseKind.H2 ? "h2" : "mysql");
        // Camunda looks for its tables by their upper-case names in the JDBC metadata, which misses them in an H2
        // database that folds names to lower case (as Kefu's does, to behave like MySQL): it would create them again
        // at every start, or call them missing. So Kefu looks itself, with SQL: it creates the schema once, and
        // afterwards gives a schema setting Camunda has no operation for, so that it leaves the tables alone. (An
        // engine upgrade needs Camunda's upgrade scripts, as in any Camunda installation.)
        configuration.setDatabaseSchemaUpdate(schemaPresent(dataSource) ? "kefu-present"
                : "create");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // Ids from one database row (Camunda's default) make every engine thread wait on that row under load.
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setHistoryTimeToLive(settings.historyTimeToLive());
        // DMN decision tables are not used, and their FEEL engine (Scala) is left out of the bundle.
        configuration.setDmnEnabled(false);
        configuration.setDmnFeelEnableLegacyBehavior(true);
        configuration.setMetricsEnabled(false);
        configuration.setTaskMetricsEnabled(false);
        // A failing step is retried 3 times, a minute apart (so that a short outage of what it calls does not use
        // every attempt up at once), before it becomes an incident an admin retries; a step may set its own cycle.
        configuration.setDefaultNumberOfRetries(3);
        configuration.setFailedJobRetryTimeCycle(settings.retryCycle());
        configuration.setJobExecutorActivate(settings.jobExecutor());
        DefaultJobExecutor jobs = new DefaultJobExecutor();
        jobs.setCorePoolSize(settings.jobThreads());
        jobs.setMaxPoolSize(settings.jobThreads());
        jobs.setMaxJobsPerAcquisition(Math.max(3, settings.jobThreads() * 2));
        configuration.setJobExecutor(jobs);
        // The names processes' expressions may use: ${actions.run('ticket.create', execution)}.
        configuration.setBeans(Map.of("actions", actions));
        return configuration;
    }

    /**
     * Indexes Camunda's H2 schema lacks for the engine's most frequent lookups, measured with H2's query statistics
     * (docs/performance.md): H2's planner answers "a process's variables" ({@code EXECUTION_ID_ = ? AND TASK_ID_ is
     * null}) through the index on {@code TASK_ID_}, and "does this execution wait for the message"
     * ({@code EXECUTION_ID_ = ? AND EVENT_NAME_ = ?}) through the index on the message name: each reads every row
     * of the table with that value, so every task and message got slower as tickets piled up. An index on exactly
     * these columns is cheaper for the planner than either. Created on every start if missing; MySQL/MariaDB pick
     * the execution's index themselves.
     */
    private static void addH2Indexes(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS KEFU_IDX_VARIABLE_EXEC ON ACT_RU_VARIABLE"
                    + " (EXECUTION_ID_, TASK_ID_)");
            statement.execute("CREATE INDEX IF NOT EXISTS KEFU_IDX_EVENT_SUBSCR_EXEC ON ACT_RU_EVENT_SUBSCR"
                    + " (EXECUTION_ID_, EVENT_TYPE_, EVENT_NAME_)");
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot add Kefu's indexes to the engine's tables: " + e.getMessage(), e);
        }
    }

    private static boolean schemaPresent(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            try {
                statement.executeQuery("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'").close();
                return true;
            } catch (java.sql.SQLException missing) {
                return false;
            } finally {
                connection.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on the engine with this bundle as the context class loader (see the class comment). */
    public <T> T call(Function<ProcessEngine, T> work) {
        return withBundleLoader(() -> work.apply(engine));
    }

    public void run(java.util.function.Consumer<ProcessEngine> work) {
        call(engine -> {
            work.accept(engine);
            return null;
        });
    }

    static <T> T withBundleLoader(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(WorkflowEngine.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        withBundleLoader(() -> {
            engine.close();
            return null;
        });
    }
}
