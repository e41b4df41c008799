package io.kefu.itest;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.kefu.store.DatabaseKind;
import io.kefu.store.Store;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Makes sure the runtime's {@code Store} runs on the database this test run is for (run property
 * {@code kefu.itest.database}), once per run, before the first test.
 *
 * <p><b>h2</b>: nothing to do but wait; kefu.store configures itself with its H2 defaults at first start.
 *
 * <p><b>mariadb</b>: creates {@code kefu_itest_<random>} with plain JDBC and points the {@code kefu.store}
 * configuration at it. The store reads its URL only when it activates ({@code @Modified} keeps the old one), so an
 * updated URL would be ignored if the store were already running on H2. Deleting the configuration deactivates
 * the store (it requires one) and everything built on it; creating it anew activates it on the new URL. That
 * happens only after kefu.store's {@code DefaultStoreConfiguration} has run, since that component may hand its H2
 * defaults to ConfigurationAdmin when it writes conf/kefu.store.cfg: after it, nothing else writes the
 * configuration in this run (FileInstall watches another folder, see kefu-itest-mariadb.bndrun), so the order is
 * fixed and there is no race left. At the end of the run the configuration is deleted again, which closes the
 * pool, and the database is dropped.
 *
 * <p>The work happens in {@code beforeEach} rather than {@code beforeAll} so that a failure or a skip shows against
 * each test, with the test's name, instead of once against a class (bnd's tester would fail the build either way:
 * it counts failed containers too). The outcome is kept in the root context, so the work is done once per run.
 */
final class KefuDatabase implements BeforeEachCallback {
    static final String DATABASE = Osgi.property("kefu.itest.database", "h2");
    private static final String STORE_PID = "kefu.store";
    private static final String DEFAULTS_COMPONENT = "io.kefu.store.internal.DefaultStoreConfiguration";

    @Override
    public void beforeEach(ExtensionContext context) {
        Prepared prepared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KefuDatabase.class, key -> Prepared.attempt(), Prepared.class);
        prepared.rethrow();
    }

    /** The run's database kind, as the store must report it. */
    static DatabaseKind expectedKind() {
        return "mariadb".equals(DATABASE) ? DatabaseKind.MYSQL : DatabaseKind.H2;
    }

    /** The outcome of preparing the database; closed by JUnit when the run ends. */
    private static final class Prepared implements ExtensionContext.Store.CloseableResource {
        private ScratchDatabase scratch;
        private Throwable failure;

        static Prepared attempt() {
            Prepared prepared = new Prepared();
            try {
                if ("mariadb".equals(DATABASE)) {
                    prepared.scratch = ScratchDatabase.create();
                    pointStoreAt(prepared.scratch);
                } else if (!"h2".equals(DATABASE)) {
                    throw new IllegalStateException("kefu.itest.database must be h2 or mariadb, was " + DATABASE);
                }
                awaitStore(expectedKind());
            } catch (Throwable e) {
                prepared.failure = e;
            }
            return prepared;
        }

        void rethrow() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }

        @Override
        public void close() throws Exception {
            if (scratch == null) {
                return;
            }
            try {
                deleteStoreConfiguration();
            } finally {
                scratch.drop();
            }
        }
    }

    private static void pointStoreAt(ScratchDatabase scratch) throws IOException {
        awaitDefaultsWritten();
        deleteStoreConfiguration();
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("url", scratch.url());
        settings.put("user", scratch.user());
        settings.put("password", scratch.password());
        Osgi.service(ConfigurationAdmin.class).getConfiguration(STORE_PID, "?").update(settings);
    }

    /** Deletes the store's configuration, if any, and waits until the store it configured is gone. */
    private static void deleteStoreConfiguration() throws IOException {
        ConfigurationAdmin configurationAdmin = Osgi.service(ConfigurationAdmin.class);
        Configuration[] existing;
        try {
            existing = configurationAdmin.listConfigurations("(service.pid=" + STORE_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (existing == null) {
            return;
        }
        for (Configuration configuration : existing) {
            configuration.delete();
        }
        Osgi.await(Duration.ofSeconds(20), "the store to stop after its configuration was deleted",
                () -> Osgi.context().getServiceReference(Store.class) == null);
    }

    /** Waits until kefu.store's DefaultStoreConfiguration component has activated, i.e. has done its one write. */
    private static void awaitDefaultsWritten() {
        ServiceComponentRuntime scr = Osgi.service(ServiceComponentRuntime.class);
        Osgi.await(Osgi.STARTUP, DEFAULTS_COMPONENT + " to activate", () -> {
            Bundle store = Arrays.stream(Osgi.context().getBundles())
                    .filter(b -> "kefu.store".equals(b.getSymbolicName())).findFirst().orElse(null);
            ComponentDescriptionDTO description = store == null ? null
                    : scr.getComponentDescriptionDTO(store, DEFAULTS_COMPONENT);
            return description != null && scr.getComponentConfigurationDTOs(description).stream()
                    .anyMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE);
        });
    }

    private static void awaitStore(DatabaseKind kind) {
        Osgi.await(Osgi.STARTUP, "a Store on " + kind, () -> {
            Store store = Osgi.tracker(Store.class).getService();
            return store != null && store.kind() == kind;
        });
    }

    /** A throw-away database on the MariaDB/MySQL server, reached with Connector/J's own DataSource. */
    private record ScratchDatabase(String serverUrl, String name, String user, String password) {

        static ScratchDatabase create() throws SQLException {
            String serverUrl = Osgi.property("kefu.itest.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
            String user = Osgi.property("kefu.itest.mysql.user", "root");
            String password = Osgi.property("kefu.itest.mysql.password", "");
            String name = "kefu_itest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            ScratchDatabase scratch = new ScratchDatabase(serverUrl, name, user, password);
            try (Connection admin = scratch.server(); Statement sql = admin.createStatement()) {
                sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                String why = "MariaDB/MySQL is not reachable at " + serverUrl + " as " + user + ": " + e.getMessage();
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new AssertionFailedError(why + " (CI=true: the MariaDB run must not be skipped)", e);
                }
                Assumptions.abort(why + "; skipping the MariaDB run (it is required when CI=true)");
            }
            return scratch;
        }

        /**
         * DriverManager cannot see a driver in another bundle, so the connection comes from Connector/J's
         * DataSource, as in kefu.store. The short timeout keeps a missing server from stalling the run.
         */
        Connection server() throws SQLException {
            MysqlDataSource dataSource = new MysqlDataSource();
            dataSource.setURL(serverUrl);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            dataSource.setConnectTimeout(3000);
            return dataSource.getConnection();
        }

        String url() {
            return serverUrl + name + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC";
        }

        void drop() throws SQLException {
            try (Connection admin = server(); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name);
            }
            System.out.println("[kefu.itest] dropped scratch database " + name);
        }
    }
}
