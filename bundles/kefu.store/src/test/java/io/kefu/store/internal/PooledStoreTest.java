package io.kefu.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.store.Schema;
import io.kefu.store.StoreException;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PooledStoreTest {

    private static PooledStore open(ScratchDatabase scratch) {
        return PooledStore.open(scratch.url(), scratch.user(), scratch.password());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migratesOnceAndMapsRowsBothWays(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create(); PooledStore store = open(scratch)) {
            Schema schema = new Schema("storetest", NoteMapper.class);
            store.migrate(schema);
            store.migrate(schema); // a second start finds nothing to do

            SqlSessionFactory sessions = store.sessionFactory(NoteMapper.class);
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (SqlSession session = sessions.openSession()) {
                NoteMapper notes = session.getMapper(NoteMapper.class);
                notes.insert("li.na", "我的订单怎么还没发货？", at);
                notes.insert("li.na", "Order #A123 still not shipped 📦", at);
                session.commit();
            }
            try (SqlSession session = sessions.openSession()) {
                var found = session.getMapper(NoteMapper.class).byAuthor("li.na");
                assertThat(found).extracting(NoteMapper.Note::body)
                        .containsExactly("我的订单怎么还没发货？", "Order #A123 still not shipped 📦");
                assertThat(found.get(0).createdAt()).isEqualTo(at);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void modulesMigrateIndependentlyIntoOneDatabase(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create(); PooledStore store = open(scratch)) {
            store.migrate(new Schema("storetest", NoteMapper.class));
            store.migrate(new Schema("othertest", NoteMapper.class)); // finds storetest's tables: must still apply V1
            store.migrate(new Schema("storetest", NoteMapper.class));
            try (var connection = store.dataSource().getConnection(); var sql = connection.createStatement()) {
                sql.execute("INSERT INTO othertest_item (id, name) VALUES (1, 'x')");
                var versions = sql.executeQuery("SELECT MAX(version) FROM kefu_schema_storetest WHERE success = TRUE");
                versions.next();
                assertThat(versions.getString(1)).isEqualTo("2");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void uncommittedWorkIsRolledBack(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create(); PooledStore store = open(scratch)) {
            store.migrate(new Schema("storetest", NoteMapper.class));
            SqlSessionFactory sessions = store.sessionFactory(NoteMapper.class);
            try (SqlSession session = sessions.openSession()) {
                session.getMapper(NoteMapper.class).insert("wang", "never committed", Instant.now());
            }
            try (SqlSession session = sessions.openSession()) {
                assertThat(session.getMapper(NoteMapper.class).byAuthor("wang")).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSessionOnAHandedConnectionTakesPartInItsTransaction(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create(); PooledStore store = open(scratch)) {
            store.migrate(new Schema("storetest", NoteMapper.class));
            SqlSessionFactory sessions = store.sessionFactory(NoteMapper.class);
            try (var step = store.dataSource().getConnection()) {
                // As a process step's action does: the session writes, closes, and leaves the outcome to the owner.
                try (SqlSession session = sessions.openSession(step)) {
                    session.getMapper(NoteMapper.class).insert("zhao", "with the step", Instant.now());
                }
                assertThat(step.isClosed()).isFalse();
                step.rollback();
                try (SqlSession session = sessions.openSession(step)) {
                    session.getMapper(NoteMapper.class).insert("zhao", "kept", Instant.now());
                }
                step.commit();
            }
            try (SqlSession session = sessions.openSession()) {
                assertThat(session.getMapper(NoteMapper.class).byAuthor("zhao")).extracting(NoteMapper.Note::body)
                        .containsExactly("kept");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void statementsSelectTheirDialect(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create(); PooledStore store = open(scratch)) {
            SqlSessionFactory sessions = store.sessionFactory(NoteMapper.class);
            try (SqlSession session = sessions.openSession()) {
                assertThat(session.getMapper(NoteMapper.class).dialect()).isEqualTo(store.kind().databaseId());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBrokenMigrationNamesItsFileAndReason(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create(); PooledStore store = open(scratch)) {
            assertThatThrownBy(() -> store.migrate(new Schema("brokentest", NoteMapper.class)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("brokentest")
                    .hasMessageContaining("V1__broken.sql");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSchemaWithoutMigrationsIsReported(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create(); PooledStore store = open(scratch)) {
            assertThatThrownBy(() -> store.migrate(new Schema("nothing_here", NoteMapper.class)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("db/migration/nothing_here");
        }
    }
}
