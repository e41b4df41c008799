package io.kefu.api.spi;

import io.kefu.api.knowledge.KnowledgeHit;
import java.util.List;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A place answers come from: Kefu's own knowledge base, or a vendor's (a product catalogue, an external help
 * centre). Hits of all sources are merged for the bot and for agent assist.
 */
@ConsumerType
public interface KnowledgeSource {
    /** Stable id shown next to each hit, such as {@code kefu} or {@code acme-helpcenter}. */
    String id();

    List<KnowledgeHit> search(String query, Locale language, int limit);
}
