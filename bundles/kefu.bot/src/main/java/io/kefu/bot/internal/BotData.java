package io.kefu.bot.internal;

import io.kefu.bot.internal.BotMapper.SessionRow;
import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The bot's sessions, one per conversation it handled. */
@Component(service = BotData.class)
public final class BotData {
    static final Schema SCHEMA = new Schema("bot", BotData.class);

    private final SqlSessionFactory sessions;

    @Activate
    public BotData(@Reference Store store) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(BotMapper.class);
    }

    Optional<BotSession> session(String conversationId) {
        try (SqlSession session = sessions.openSession()) {
            SessionRow row = session.getMapper(BotMapper.class).session(conversationId);
            return Optional.ofNullable(row).map(BotData::session);
        }
    }

    void save(BotSession botSession, Instant now) {
        SessionRow row = new SessionRow(botSession.conversationId(), botSession.failedTurns(), botSession.askedSlot(),
                clip(botSession.pendingQuestion(), 2000), String.join("\n", botSession.tried()),
                botSession.handoffReason(), botSession.handedOffAt(), now);
        try (SqlSession session = sessions.openSession(false)) {
            BotMapper mapper = session.getMapper(BotMapper.class);
            if (mapper.update(row) == 0) {
                mapper.insert(row);
            }
            session.commit();
        }
    }

    private static BotSession session(SessionRow row) {
        List<String> tried = row.tried().isEmpty() ? List.of() : Arrays.asList(row.tried().split("\n"));
        return new BotSession(row.conversationId(), row.failedTurns(), row.askedSlot(), row.pendingQuestion(), tried,
                row.handoffReason(), row.handedOffAt());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
