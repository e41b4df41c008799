package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * Another bundle's migrations and mappers through the Store service: the way a plug-in keeps data. Outside OSGi
 * kefu.store's own tests cover the SQL; here what matters is that the store finds the migration inside this
 * bundle (Bundle.findEntries, not its own class path) and that MyBatis loads this bundle's mapper and record
 * classes, which kefu.store does not import.
 */
@KefuItest
class StoreInOsgiTest {
    private static final Schema SCHEMA = new Schema("itest", StoreInOsgiTest.class);

    @Test
    void runsOnTheDatabaseOfThisRun() {
        assertEquals(KefuDatabase.expectedKind(), Osgi.service(Store.class).kind());
    }

    @Test
    void appliesMigrationsFoundInsideTheCallingBundle() {
        assertNotNull(FrameworkUtil.getBundle(StoreInOsgiTest.class), "the tests must run inside the framework");
        assertSame(FrameworkUtil.getBundle(StoreInOsgiTest.class), FrameworkUtil.getBundle(GreetingMapper.class));
        Store store = Osgi.service(Store.class);

        store.migrate(SCHEMA);
        store.migrate(SCHEMA); // a second start finds nothing to do

        try (SqlSession session = store.sessionFactory(GreetingMapper.class).openSession()) {
            assertEquals(List.of("V1__itest_greeting.sql"), session.getMapper(GreetingMapper.class).appliedScripts());
        }
    }

    @Test
    void mapsUnicodeTextAndInstantsThroughThisBundlesMapper() {
        Store store = Osgi.service(Store.class);
        store.migrate(SCHEMA);
        SqlSessionFactory sessions = store.sessionFactory(GreetingMapper.class);
        String id = UUID.randomUUID().toString();
        // CJK plus a character outside the Basic Multilingual Plane, which MySQL's 3-byte "utf8" would reject.
        String body = "您好！请问有什么可以帮您？ 订单 #A123 已发货 📦";
        Instant saidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        try (SqlSession session = sessions.openSession()) {
            assertEquals(1, session.getMapper(GreetingMapper.class).insert(id, body, saidAt));
            session.commit();
        }
        try (SqlSession session = sessions.openSession()) {
            GreetingMapper.Greeting read = session.getMapper(GreetingMapper.class).byId(id);
            assertEquals(new GreetingMapper.Greeting(id, body, saidAt), read);
        }
    }
}
