package io.kefu.store;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared database. A bundle that keeps data calls {@link #migrate} once when it starts and then works through
 * MyBatis mappers it registers with {@link #sessionFactory}.
 */
@ProviderType
public interface Store {
    DatabaseKind kind();

    /**
     * Brings the schema's tables up to date by applying its pending migrations, each in its own transaction.
     * Safe to call at every start and from several bundles at once.
     *
     * @throws StoreException naming the migration file and the database's reason when a migration fails
     */
    void migrate(Schema schema);

    /**
     * A MyBatis session factory on the shared pool for the given annotated mapper interfaces. Build it once per
     * component; sessions it opens do not auto-commit. {@link java.time.Instant} values map to BIGINT columns of
     * epoch milliseconds, the one timestamp representation that behaves the same on H2, MySQL and MariaDB.
     */
    SqlSessionFactory sessionFactory(Class<?>... mappers);

    /**
     * The shared pool itself, for an engine embedded in a bundle that runs its own SQL (Camunda's MyBatis). Its
     * connections are read-committed and do not auto-commit; whoever borrows one commits or rolls back and closes
     * it. Kefu's own data goes through {@link #sessionFactory} instead.
     */
    javax.sql.DataSource dataSource();
}
