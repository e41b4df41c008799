package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;

/** Rows of the knowledge tables as MyBatis reads them, and their conversion to the API's records. */
final class Rows {
    private Rows() {
    }

    /** An article's current version; alternativeQuestions and tags are JSON arrays. */
    record ArticleRow(String id, String language, String question, String alternativeQuestions, String answer,
            String tags, String status, int version, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy) {

        static ArticleRow of(String id, ArticleContent content, ArticleStatus status, int version, Instant at,
                String actor) {
            return new ArticleRow(id, content.language().getLanguage(), content.question(),
                    JsonLists.write(content.alternativeQuestions()), content.answer(), JsonLists.write(content.tags()),
                    status.name(), version, at, actor, at, actor);
        }

        ArticleContent content() {
            return new ArticleContent(Locale.forLanguageTag(language), question, JsonLists.read(alternativeQuestions),
                    answer, new LinkedHashSet<>(JsonLists.read(tags)));
        }

        ArticleStatus articleStatus() {
            return ArticleStatus.valueOf(status);
        }

        /** The next version of this article: new content and status, one version up, changed by {@code actor}. */
        ArticleRow next(ArticleContent content, ArticleStatus status, Instant at, String actor) {
            return new ArticleRow(id, content.language().getLanguage(), content.question(),
                    JsonLists.write(content.alternativeQuestions()), content.answer(), JsonLists.write(content.tags()),
                    status.name(), version + 1, createdAt, createdBy, at, actor);
        }

        KnowledgeArticle toArticle() {
            ArticleContent content = content();
            return new KnowledgeArticle(id, content.language(), question, content.alternativeQuestions(), answer,
                    content.tags(), articleStatus(), version, updatedAt);
        }

        VersionRow asVersion(ChangeKind change, Integer restoredFrom) {
            return new VersionRow(id, version, change.name(), restoredFrom, language, question, alternativeQuestions,
                    answer, tags, status, updatedBy, updatedAt);
        }
    }

    /** One version of an article as it was saved. */
    record VersionRow(String articleId, int version, String changeKind, Integer restoredFrom, String language,
            String question, String alternativeQuestions, String answer, String tags, String status, String editedBy,
            Instant editedAt) {

        ArticleContent content() {
            return new ArticleContent(Locale.forLanguageTag(language), question, JsonLists.read(alternativeQuestions),
                    answer, new LinkedHashSet<>(JsonLists.read(tags)));
        }
    }

    /** Why a version was made. */
    enum ChangeKind {
        CREATED, UPDATED, PUBLISHED, ARCHIVED, RESTORED, IMPORTED
    }
}
