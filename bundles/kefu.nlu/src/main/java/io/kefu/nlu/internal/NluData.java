package io.kefu.nlu.internal;

import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The nlu_* tables: migrated once at start, then read and written in short transactions. */
@Component(service = NluData.class)
public final class NluData {
    static final Schema SCHEMA = new Schema("nlu", NluData.class);

    private final SqlSessionFactory sessions;

    @Activate
    public NluData(@Reference Store store) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(NluMapper.class);
    }

    <T> T read(Function<NluMapper, T> work) {
        try (SqlSession session = sessions.openSession()) {
            return work.apply(session.getMapper(NluMapper.class));
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    <T> T write(Function<NluMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(NluMapper.class));
            session.commit();
            return result;
        }
    }
}
