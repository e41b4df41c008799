package io.kefu.store.internal;

import com.mysql.cj.jdbc.MysqlDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kefu.api.spi.HealthCheck;
import io.kefu.store.DatabaseKind;
import io.kefu.store.Schema;
import io.kefu.store.Store;
import io.kefu.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection pool of the runtime, with Flyway for each bundle's migrations and MyBatis on top.
 *
 * <p>Pool sizes follow configuration edits while running. A new URL or user needs a restart: bundles have migrated
 * and cached against the database they started with, and silently moving them to an empty database would lose
 * data from their point of view.
 */
@Component(service = {Store.class, HealthCheck.class}, configurationPid = "kefu.store",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StoreConfig.class)
public final class PooledStore implements Store, HealthCheck, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PooledStore.class);

    private final ConnectionSettings settings;
    /** How long one statement may run before the driver gives up on it. */
    static final int STATEMENT_TIMEOUT_SECONDS = 30;

    private final HikariDataSource pool;

    @Activate
    public PooledStore(StoreConfig config) {
        this(checked(config));
    }

    /** Reports a bad configuration in Kefu's own log, where operators look, before the activation fails. */
    private static ConnectionSettings checked(StoreConfig config) {
        try {
            return ConnectionSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("The database configuration (conf/kefu.store.cfg) is not valid: {}", e.getMessage());
            throw e;
        }
    }

    /** A store outside OSGi, for tests and command-line tools. Close it with {@link #close()}. */
    public static PooledStore open(String url, String user, String password) {
        return new PooledStore(ConnectionSettings.of(url, user, password));
    }

    PooledStore(ConnectionSettings settings) {
        this.settings = settings;
        try {
            this.pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            // Hikari fails fast when the first connection cannot be made; say where and why in our words.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.error("Cannot connect to the database at {}: {}", settings.redactedUrl(), cause.getMessage());
            throw new StoreException("cannot connect to " + settings.redactedUrl() + ": " + cause.getMessage(), e);
        }
        try (Connection probe = pool.getConnection()) {
            LOG.info("Database ready: {} {} at {}", probe.getMetaData().getDatabaseProductName(),
                    probe.getMetaData().getDatabaseProductVersion(), settings.redactedUrl());
        } catch (SQLException e) {
            pool.close();
            LOG.error("Cannot connect to the database at {}: {}", settings.redactedUrl(), e.getMessage());
            throw new StoreException("cannot connect to " + settings.redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    private static HikariConfig poolConfig(ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kefu");
        config.setDataSource(driverDataSource(settings));
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maximumPoolSize()));
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        // MySQL/MariaDB default to REPEATABLE READ; Camunda refuses it, and read-committed is what every Kefu
        // bundle assumes, so the whole pool uses it on both databases.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Every Kefu session is transactional (MyBatis, autocommit off). Pooling the connections that way saves
        // two round trips per session: switching autocommit off on borrow and back on at return.
        config.setAutoCommit(false);
        if (settings.kind() == DatabaseKind.H2) {
            // The 30 s statement limit, set once per connection (see sessionFactory for why not per statement).
            config.setConnectionInitSql("SET QUERY_TIMEOUT " + STATEMENT_TIMEOUT_SECONDS * 1000);
        }
        return config;
    }

    /**
     * Builds the driver's own DataSource instead of going through DriverManager, which cannot see drivers in
     * other bundles.
     */
    private static DataSource driverDataSource(ConnectionSettings settings) {
        return switch (settings.kind()) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(settings.url());
                h2.setUser(settings.user());
                h2.setPassword(settings.password());
                yield h2;
            }
            case MYSQL -> {
                MysqlDataSource mysql = new MysqlDataSource();
                mysql.setURL(settings.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
                mysql.setUser(settings.user());
                mysql.setPassword(settings.password());
                try {
                    // Metadata questions without a database name are about this database, not every database on the
                    // server: embedded engines (Camunda) look for their tables that way and would find another
                    // installation's on a shared server.
                    mysql.setNullCatalogMeansCurrent(true);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield mysql;
            }
        };
    }

    @Modified
    void modified(StoreConfig config) {
        ConnectionSettings next;
        try {
            next = ConnectionSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring the new kefu.store configuration and keeping the current one: {}", e.getMessage());
            return;
        }
        pool.getHikariConfigMXBean().setMaximumPoolSize(next.maximumPoolSize());
        pool.getHikariConfigMXBean().setConnectionTimeout(next.connectionTimeoutMillis());
        if (!next.url().equals(settings.url()) || !next.user().equals(settings.user())
                || !next.password().equals(settings.password())) {
            LOG.warn("The database URL or credentials changed in kefu.store; they take effect at the next start");
        }
        LOG.info("Database pool now allows {} connections", next.maximumPoolSize());
    }

    @Deactivate
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public DatabaseKind kind() {
        return settings.kind();
    }

    @Override
    public String name() {
        return "database";
    }

    /** Whether a pooled connection can be had and answers within a second. */
    @Override
    public boolean healthy() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void migrate(Schema schema) {
        MigrationFiles files = new MigrationFiles(schema);
        if (files.names().isEmpty()) {
            throw new StoreException("no migrations found in " + schema.location() + " of the bundle of "
                    + schema.anchor().getName(), null);
        }
        Flyway flyway = Flyway.configure(PooledStore.class.getClassLoader())
                .dataSource(pool)
                .table("kefu_schema_" + schema.module())
                .resourceProvider(files)
                .javaMigrationClassProvider(List::of)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                // Every module shares one database schema, so the second module to migrate finds tables that are
                // not its own. Baselining at version 0 records "nothing of mine yet" and then applies its V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .loggers("slf4j")
                .load();
        try {
            MigrateResult result = withContextLoader(PooledStore.class.getClassLoader(), flyway::migrate);
            if (result.migrationsExecuted > 0) {
                LOG.info("Schema {} migrated to version {} ({} migrations)", schema.module(), result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StoreException("migration of schema " + schema.module() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public SqlSessionFactory sessionFactory(Class<?>... mappers) {
        if (mappers.length == 0) {
            throw new IllegalArgumentException("name at least one mapper");
        }
        // Connections stay in manual-commit mode in the pool (skipSetAutoCommitOnClose); reads end in a commit.
        ReadEndingTransactionFactory transactions = new ReadEndingTransactionFactory();
        Environment environment = new Environment(settings.kind().databaseId(), transactions, pool);
        // MyBatis resolves type names through the context class loader; the mappers' bundle knows them.
        return withContextLoader(mappers[0].getClassLoader(), () -> {
            Configuration configuration = new Configuration(environment);
            configuration.setDatabaseId(settings.kind().databaseId());
            configuration.setMapUnderscoreToCamelCase(true);
            configuration.setArgNameBasedConstructorAutoMapping(true);
            // On H2 the limit is the connection's (poolConfig): its driver turns a statement's timeout into a SET
            // QUERY_TIMEOUT command, and every SET empties the parsed-statement cache of every connection, the
            // engine's included (measured: 56 flushes per ticket, a sixth of the ticket's time spent parsing SQL).
            if (settings.kind() != DatabaseKind.H2) {
                configuration.setDefaultStatementTimeout(STATEMENT_TIMEOUT_SECONDS);
            }
            configuration.getTypeHandlerRegistry().register(java.time.Instant.class, new EpochMillisInstantHandler());
            for (Class<?> mapper : mappers) {
                configuration.addMapper(mapper);
            }
            return new SqlSessionFactoryBuilder().build(configuration);
        });
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
