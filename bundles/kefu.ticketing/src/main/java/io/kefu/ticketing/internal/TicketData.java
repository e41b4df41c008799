package io.kefu.ticketing.internal;

import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The ticket tables: migrated once at start, then read and written in short transactions. */
@Component(service = TicketData.class)
public final class TicketData {
    static final Schema SCHEMA = new Schema("ticketing", TicketData.class);

    private final SqlSessionFactory sessions;

    @Activate
    public TicketData(@Reference Store store) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(TicketMapper.class);
    }

    <T> T read(Function<TicketMapper, T> work) {
        try (SqlSession session = sessions.openSession()) {
            return work.apply(session.getMapper(TicketMapper.class));
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    <T> T write(Function<TicketMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(TicketMapper.class));
            session.commit();
            return result;
        }
    }

    void execute(Consumer<TicketMapper> work) {
        write(mapper -> {
            work.accept(mapper);
            return null;
        });
    }
}
