package io.kefu.security.internal;

import io.kefu.api.security.AuditEntry;
import io.kefu.api.security.AuditLog;
import io.kefu.store.Store;
import java.time.Clock;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit log in {@code kefu_audit}. Each entry is committed on its own, so a later failure cannot erase it. */
@Component(service = {AuditLog.class, DatabaseAuditLog.class})
public final class DatabaseAuditLog implements AuditLog {
    static final int MAX_DETAIL = 1000;

    private final SqlSessionFactory sessions;
    private final Clock clock;

    @Activate
    public DatabaseAuditLog(@Reference Store store) {
        this(store, Clock.systemUTC());
    }

    DatabaseAuditLog(Store store, Clock clock) {
        store.migrate(AccountService.SCHEMA);
        this.sessions = store.sessionFactory(AuditMapper.class);
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String target, String detail) {
        try (SqlSession session = sessions.openSession()) {
            session.getMapper(AuditMapper.class).insert(clock.instant(), clip(actor, 64), clip(action, 64),
                    clip(target, 200), clip(detail == null ? "" : detail, MAX_DETAIL));
            session.commit();
        }
    }

    @Override
    public List<AuditEntry> recent(int offset, int limit) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AuditMapper.class).recent(Math.max(0, offset), Math.max(0, limit));
        }
    }

    long count() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AuditMapper.class).count();
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
