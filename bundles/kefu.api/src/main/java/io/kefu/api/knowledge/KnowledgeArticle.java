package io.kefu.api.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A knowledge article or FAQ entry: the canonical question, other ways customers ask it, and the answer.
 * {@code version} grows with every edit.
 */
public record KnowledgeArticle(String id, Locale language, String question, List<String> alternativeQuestions,
        String answer, Set<String> tags, ArticleStatus status, int version, Instant updatedAt) {
    public KnowledgeArticle {
        alternativeQuestions = List.copyOf(alternativeQuestions);
        tags = Set.copyOf(tags);
    }
}
