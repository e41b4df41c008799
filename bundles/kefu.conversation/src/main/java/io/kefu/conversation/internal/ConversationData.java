package io.kefu.conversation.internal;

import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The conversation tables: migrated once at start, then read and written in short transactions. */
@Component(service = ConversationData.class)
public final class ConversationData {
    static final Schema SCHEMA = new Schema("conversation", ConversationData.class);

    private final SqlSessionFactory sessions;

    @Activate
    public ConversationData(@Reference Store store) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(ConversationMapper.class);
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

    void execute(Consumer<ConversationMapper> work) {
        write(mapper -> {
            work.accept(mapper);
            return null;
        });
    }
}
