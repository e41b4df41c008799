package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.api.spi.KnowledgeSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Kefu's own knowledge base among the bot's and agent assist's knowledge sources: published articles only, in the
 * asker's language ({@code null} searches all).
 */
@Component(service = KnowledgeSource.class, property = "knowledge.source=" + KnowledgeIndex.SOURCE)
public final class PublishedKnowledge implements KnowledgeSource {
    /** A bot shows a handful; more than this is a caller's mistake, not a wish. */
    static final int MOST_HITS = 50;
    private static final Set<ArticleStatus> PUBLISHED = EnumSet.of(ArticleStatus.PUBLISHED);

    private final LiveIndex index;

    @Activate
    public PublishedKnowledge(@Reference LiveIndex index) {
        this.index = index;
    }

    @Override
    public String id() {
        return KnowledgeIndex.SOURCE;
    }

    @Override
    public List<KnowledgeHit> search(String query, Locale language, int limit) {
        return index.search(query, language, PUBLISHED, Math.min(limit, MOST_HITS));
    }
}
