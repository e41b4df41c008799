package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.knowledge.internal.Rows.ArticleRow;
import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The knowledge tables: migrated once at start, then read and written in short transactions. */
@Component(service = KnowledgeData.class)
public final class KnowledgeData {
    static final Schema SCHEMA = new Schema("knowledge", KnowledgeData.class);
    private static final int PAGE = 500;

    private final SqlSessionFactory sessions;

    @Activate
    public KnowledgeData(@Reference Store store) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(KnowledgeMapper.class);
    }

    /** Every article, read a page at a time in id order: for rebuilding the index and exporting. */
    Iterator<KnowledgeArticle> everyArticle() {
        return new Iterator<>() {
            private List<ArticleRow> page = read(m -> m.articlesAfter(null, PAGE));
            private int next;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                String last = page.get(page.size() - 1).id();
                page = read(m -> m.articlesAfter(last, PAGE));
                next = 0;
                return !page.isEmpty();
            }

            @Override
            public KnowledgeArticle next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++).toArticle();
            }
        };
    }

    <T> T read(Function<KnowledgeMapper, T> work) {
        try (SqlSession session = sessions.openSession()) {
            return work.apply(session.getMapper(KnowledgeMapper.class));
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    <T> T write(Function<KnowledgeMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(KnowledgeMapper.class));
            session.commit();
            return result;
        }
    }
}
