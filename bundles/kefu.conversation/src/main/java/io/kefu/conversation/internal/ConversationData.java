package io.kefu.conversation.internal;

import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The conversation tables: migrated once at start, then read and written in short transactions. */
@Component(service = ConversationData.class)
public final class ConversationData {
    static final Schema SCHEMA = new Schema("conversation", ConversationData.class);

    /** Two writers: one can prepare its batch while the other commits, and two cores are what we plan for. */
    private static final int INGEST_WRITERS = 2;
    private static final int INGEST_BACKLOG = 10_000;

    private final SqlSessionFactory sessions;
    private final GroupCommit ingestWrites;

    @Activate
    public ConversationData(@Reference Store store) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(ConversationMapper.class);
        this.ingestWrites = new GroupCommit(sessions, INGEST_WRITERS, INGEST_BACKLOG);
    }

    @Deactivate
    void close() {
        ingestWrites.close();
    }

    <T> T read(Function<ConversationMapper, T> work) {
        try (SqlSession session = sessions.openSession()) {
            return work.apply(session.getMapper(ConversationMapper.class));
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    <T> T write(Function<ConversationMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(ConversationMapper.class));
            session.commit();
            return result;
        }
    }

    /**
     * Like {@link #write}, for the many small transactions of message ingest: they are committed in groups, and this
     * returns after the group holding {@code work} committed (see {@link GroupCommit}).
     */
    <T> T writeGrouped(Function<ConversationMapper, T> work) {
        return ingestWrites.write(work);
    }

    void execute(Consumer<ConversationMapper> work) {
        write(mapper -> {
            work.accept(mapper);
            return null;
        });
    }
}
