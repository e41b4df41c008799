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

    /**
     * Runs {@code work} on a process step's connection ({@code ActionContext.connection()}), in the step's
     * transaction: it commits with the step, or rolls back with it. With a null connection, as {@link #execute}.
     */
    void inStep(java.sql.Connection step, Consumer<TicketMapper> work) {
        if (step == null) {
            execute(work);
            return;
        }
        try (SqlSession session = sessions.openSession(step)) {
            work.accept(session.getMapper(TicketMapper.class));
        }
    }

    void execute(Consumer<TicketMapper> work) {
        write(mapper -> {
            work.accept(mapper);
            return null;
        });
    }
}
