package io.kefu.routing.internal;

import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The routing tables: migrated once at start, then read and written in short transactions. */
@Component(service = RoutingData.class)
public final class RoutingData {
    static final Schema SCHEMA = new Schema("routing", RoutingData.class);

    private final SqlSessionFactory sessions;

    @Activate
    public RoutingData(@Reference Store store) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(RoutingMapper.class);
    }

    <T> T read(Function<RoutingMapper, T> work) {
        try (SqlSession session = sessions.openSession()) {
            return work.apply(session.getMapper(RoutingMapper.class));
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    <T> T write(Function<RoutingMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(RoutingMapper.class));
            session.commit();
            return result;
        }
    }

    void execute(Consumer<RoutingMapper> work) {
        write(mapper -> {
            work.accept(mapper);
            return null;
        });
    }
}
