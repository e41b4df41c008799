package io.kefu.api.knowledge;

/** An article found for a query, with the source's own relevance score (comparable within one source only). */
public record KnowledgeHit(KnowledgeArticle article, double score, String source) {
}
