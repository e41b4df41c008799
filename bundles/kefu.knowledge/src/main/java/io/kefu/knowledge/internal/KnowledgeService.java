package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.api.security.AuditLog;
import io.kefu.knowledge.internal.Rows.ArticleRow;
import io.kefu.knowledge.internal.Rows.ChangeKind;
import io.kefu.knowledge.internal.Rows.VersionRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base as analysts change it. Every change of an article makes a new version (kept whole in the version
 * history) in one transaction that also checks, when the caller says which version it edited, that nobody changed the
 * article in between; after the commit the index takes the change in, the audit log records who made it and an
 * event announces it.
 */
// Immediate: it fills and opens the live index at start (see the constructor), which the bot's searches wait for,
// so it must not wait for its first REST caller to be activated.
@Component(service = KnowledgeService.class, immediate = true)
public final class KnowledgeService {
    private final KnowledgeData data;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);
    private final LiveIndex index;
    private final EventAdmin events;
    private final AuditLog audit;
    private final Clock clock;
    private Thread warmUp;

    /** The demo shop's answers (our own), loaded into an empty knowledge base so that the first start has a bot. */
    static final String DEMO = "/knowledge/demo-articles.json";

    @Activate
    public KnowledgeService(@Reference KnowledgeData data, @Reference LiveIndex index, @Reference EventAdmin events,
            @Reference AuditLog audit) {
        this(data, index, events, audit, Clock.systemUTC());
        // The rebuild and, on a first start, the demo articles take most of a second: done beside the framework's
        // start thread. Searches wait for them (LiveIndex.open), so the bot never answers from a half-filled index.
        warmUp = new Thread(() -> {
            try {
                index.fill();
                if (data.read(m -> m.articleCount(null, null, null, null)) == 0) {
                    loadDemo();
                }
            } catch (RuntimeException e) {
                LOG.error("Filling the knowledge index at start failed; POST /api/knowledge/index/rebuild retries", e);
            } finally {
                index.open();
            }
        }, "kefu-knowledge-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (warmUp != null) {
            warmUp.join(20_000);
        }
    }

    private void loadDemo() {
        try (java.io.InputStream in = KnowledgeService.class.getResourceAsStream(DEMO)) {
            ArticleFiles.Parsed parsed = ArticleFiles.readJson(in.readAllBytes(), 1000);
            if (!parsed.valid()) {
                throw new IllegalStateException("the demo articles are invalid: " + parsed.errors());
            }
            ImportOutcome outcome = importArticles(parsed.rows(), "kefu");
            LOG.info("Loaded the demo knowledge base: {}",
                    outcome);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("Could not load the demo articles", e);
        }
    }

    KnowledgeService(KnowledgeData data, LiveIndex index, EventAdmin events, AuditLog audit, Clock clock) {
        this.data = data;
        this.index = index;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The analysts' list filters; each may be null. {@code text} is matched as a substring, ignoring case. */
    record ArticleFilter(ArticleStatus status, Locale language, String tag, String text) {
        static final ArticleFilter NONE = new ArticleFilter(null, null, null, null);

        String statusName() {
            return status == null ? null : status.name();
        }

        String languageKey() {
            return language == null ? null : language.getLanguage();
        }

        String normalizedTag() {
            return tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        }

        /** A LIKE pattern for the text, escaped with '!'. */
        String pattern() {
            if (text == null || text.isBlank()) {
                return null;
            }
            String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_");
            return "%" + escaped + "%";
        }
    }

    /** One row of an import, checked: {@code id} null means a new article. */
    record ImportRow(int line, String id, ArticleContent content, ArticleStatus status) {
    }

    /** What an import did. */
    public record ImportOutcome(int created, int updated, int unchanged) {
    }

    // ---- reading ----

    Optional<KnowledgeArticle> find(String id) {
        return Optional.ofNullable(data.read(m -> m.article(id))).map(ArticleRow::toArticle);
    }

    List<KnowledgeArticle> list(ArticleFilter filter, int offset, int limit) {
        return data.read(m -> m.articles(filter.statusName(), filter.languageKey(), filter.normalizedTag(),
                filter.pattern(), offset, limit)).stream().map(ArticleRow::toArticle).toList();
    }

    long count(ArticleFilter filter) {
        return data.read(m -> m.articleCount(filter.statusName(), filter.languageKey(), filter.normalizedTag(),
                filter.pattern()));
    }

    /** Every version of the article, newest first; empty when there is no such article. */
    List<VersionRow> versions(String id) {
        return data.read(m -> m.versions(id));
    }

    Optional<VersionRow> version(String id, int version) {
        return Optional.ofNullable(data.read(m -> m.version(id, version)));
    }

    /** Every article that passes the filter, for export; read a page at a time. */
    List<KnowledgeArticle> export(ArticleFilter filter) {
        List<KnowledgeArticle> all = new ArrayList<>();
        data.everyArticle().forEachRemaining(article -> {
            if (passes(article, filter)) {
                all.add(article);
            }
        });
        return all;
    }

    private static boolean passes(KnowledgeArticle article, ArticleFilter filter) {
        return (filter.status() == null || article.status() == filter.status())
                && (filter.language() == null || article.language().getLanguage().equals(filter.languageKey()))
                && (filter.normalizedTag() == null || article.tags().contains(filter.normalizedTag()));
    }

    // ---- search ----

    List<KnowledgeHit> search(String text, Locale language, Set<ArticleStatus> statuses, int limit) {
        return index.search(text, language, statuses, limit);
    }

    List<KnowledgeHit> related(String text, Locale language, Set<ArticleStatus> statuses, String excludedArticleId,
            int limit) {
        return index.related(text, language, statuses, excludedArticleId, limit);
    }

    /** Articles like the given one; {@link NoSuchElementException} when it does not exist. */
    List<KnowledgeHit> relatedTo(String articleId, Set<ArticleStatus> statuses, int limit) {
        if (data.read(m -> m.article(articleId)) == null) {
            throw new NoSuchElementException("no article " + articleId);
        }
        return index.relatedTo(articleId, statuses, limit);
    }

    // ---- changes ----

    KnowledgeArticle create(ArticleContent content, ArticleStatus status, String actor) {
        ArticleRow row = ArticleRow.of(UUID.randomUUID().toString(), content, status, 1, now(), actor);
        data.write(m -> {
            insert(m, row, ChangeKind.CREATED);
            return null;
        });
        index.refresh(List.of(row.id()));
        audit.record(actor, "knowledge.create", target(row.id()), status.name() + " " + row.question());
        announce(KnowledgeEvents.CREATED, row, actor);
        return row.toArticle();
    }

    /** Replaces the content; the status stays. */
    KnowledgeArticle update(String id, int editedVersion, ArticleContent content, String actor) {
        ArticleRow saved = change(id, editedVersion, ChangeKind.UPDATED, null,
                row -> row.next(content, row.articleStatus(), now(), actor)).row();
        audit.record(actor, "knowledge.update", target(id), "version " + saved.version() + " " + saved.question());
        announce(KnowledgeEvents.UPDATED, saved, actor);
        return saved.toArticle();
    }

    /** Makes the article searchable by the bot and agents; publishing a published article changes nothing. */
    KnowledgeArticle publish(String id, Integer editedVersion, String actor) {
        return changeStatus(id, editedVersion, ArticleStatus.PUBLISHED, ChangeKind.PUBLISHED, "knowledge.publish",
                KnowledgeEvents.PUBLISHED, actor);
    }

    /** Takes the article out of the bot's and agents' search, keeping it and its history. */
    KnowledgeArticle archive(String id, Integer editedVersion, String actor) {
        return changeStatus(id, editedVersion, ArticleStatus.ARCHIVED, ChangeKind.ARCHIVED, "knowledge.archive",
                KnowledgeEvents.ARCHIVED, actor);
    }

    private KnowledgeArticle changeStatus(String id, Integer editedVersion, ArticleStatus status, ChangeKind kind,
            String action, String topic, String actor) {
        Saved saved = change(id, editedVersion, kind, null,
                row -> row.articleStatus() == status ? null : row.next(row.content(), status, now(), actor));
        if (saved.changed()) {
            audit.record(actor, action, target(id), "version " + saved.row().version());
            announce(topic, saved.row(), actor);
        }
        return saved.row().toArticle();
    }

    /**
     * Makes a new version with the content of an earlier one (the status stays): an analyst undoing an edit. The
     * history keeps everything in between.
     */
    KnowledgeArticle restore(String id, int restoredVersion, Integer editedVersion, String actor) {
        VersionRow earlier = version(id, restoredVersion).orElseThrow(() -> new NoSuchElementException(
                find(id).isPresent() ? "article " + id + " has no version " + restoredVersion : "no article " + id));
        ArticleRow saved = change(id, editedVersion, ChangeKind.RESTORED, restoredVersion,
                row -> row.next(earlier.content(), row.articleStatus(), now(), actor)).row();
        audit.record(actor, "knowledge.restore", target(id), "version " + saved.version() + " from version "
                + restoredVersion);
        announce(KnowledgeEvents.RESTORED, saved, actor);
        return saved.toArticle();
    }

    /** Deletes the article with its history; the audit log keeps its question. */
    void delete(String id, Integer editedVersion, String actor) {
        ArticleRow deleted = data.write(m -> {
            ArticleRow row = m.article(id);
            if (row == null) {
                throw new NoSuchElementException("no article " + id);
            }
            if (editedVersion != null && editedVersion != row.version()) {
                throw new StaleVersionException(id, editedVersion, row.version());
            }
            m.deleteTags(id);
            m.deleteVersions(id);
            m.deleteArticle(id);
            return row;
        });
        index.refresh(List.of(id));
        audit.record(actor, "knowledge.delete", target(id), "version " + deleted.version() + " " + deleted.question());
        events.postEvent(KnowledgeEvents.event(KnowledgeEvents.DELETED, KnowledgeEvents.ARTICLE, id,
                KnowledgeEvents.ACTOR, actor));
    }

    /**
     * Saves checked import rows in one transaction: a row whose id exists replaces that article's content and status
     * (a new version, unless nothing differs), any other row creates an article (with the row's id, if it has one).
     */
    ImportOutcome importArticles(List<ImportRow> rows, String actor) {
        Instant now = now();
        List<String> changed = new ArrayList<>();
        int[] counts = new int[3];
        data.write(m -> {
            for (ImportRow row : rows) {
                ArticleRow existing = row.id() == null ? null : m.article(row.id());
                if (existing == null) {
                    String id = row.id() != null ? row.id() : UUID.randomUUID().toString();
                    insert(m, ArticleRow.of(id, row.content(), row.status(), 1, now, actor), ChangeKind.IMPORTED);
                    changed.add(id);
                    counts[0]++;
                } else if (existing.content().equals(row.content()) && existing.articleStatus() == row.status()) {
                    counts[2]++;
                } else {
                    ArticleRow next = existing.next(row.content(), row.status(), now, actor);
                    if (m.updateArticle(next, existing.version()) == 0) {
                        throw new StaleVersionException(existing.id(), existing.version(), existing.version() + 1);
                    }
                    replaceTags(m, next);
                    m.insertVersion(next.asVersion(ChangeKind.IMPORTED, null));
                    changed.add(next.id());
                    counts[1]++;
                }
            }
            return null;
        });
        index.refresh(changed);
        ImportOutcome outcome = new ImportOutcome(counts[0], counts[1], counts[2]);
        audit.record(actor, "knowledge.import", "knowledge", outcome.created() + " created, " + outcome.updated()
                + " updated, " + outcome.unchanged() + " unchanged");
        events.postEvent(KnowledgeEvents.event(KnowledgeEvents.IMPORTED, KnowledgeEvents.CREATED_COUNT,
                outcome.created(), KnowledgeEvents.UPDATED_COUNT, outcome.updated(), KnowledgeEvents.UNCHANGED_COUNT,
                outcome.unchanged(), KnowledgeEvents.ACTOR, actor));
        return outcome;
    }

    /** Rebuilds the index from the database; returns how many articles it holds. */
    int rebuildIndex(String actor) {
        int articles = index.rebuild();
        audit.record(actor, "knowledge.reindex", "knowledge", articles + " articles");
        return articles;
    }

    /** The article after a change, and whether there was anything to change. */
    private record Saved(ArticleRow row, boolean changed) {
    }

    /**
     * Saves the next version {@code edit} makes of the current row, in one transaction with the version check and
     * the history; {@code edit} returning null means there is nothing to change.
     */
    private Saved change(String id, Integer editedVersion, ChangeKind kind, Integer restoredFrom,
            UnaryOperator<ArticleRow> edit) {
        Saved saved = data.write(m -> {
            ArticleRow row = m.article(id);
            if (row == null) {
                throw new NoSuchElementException("no article " + id);
            }
            if (editedVersion != null && editedVersion != row.version()) {
                throw new StaleVersionException(id, editedVersion, row.version());
            }
            ArticleRow next = edit.apply(row);
            if (next == null) {
                return new Saved(row, false);
            }
            if (m.updateArticle(next, row.version()) == 0) {
                // Changed by someone else between our read and our write.
                ArticleRow now = m.article(id);
                if (now == null) {
                    throw new NoSuchElementException("no article " + id);
                }
                throw new StaleVersionException(id, row.version(), now.version());
            }
            replaceTags(m, next);
            m.insertVersion(next.asVersion(kind, restoredFrom));
            return new Saved(next, true);
        });
        if (saved.changed()) {
            index.refresh(List.of(id));
        }
        return saved;
    }

    private static void insert(KnowledgeMapper m, ArticleRow row, ChangeKind kind) {
        m.insertArticle(row);
        replaceTags(m, row);
        m.insertVersion(row.asVersion(kind, null));
    }

    private static void replaceTags(KnowledgeMapper m, ArticleRow row) {
        m.deleteTags(row.id());
        for (String tag : JsonLists.read(row.tags())) {
            m.insertTag(row.id(), tag);
        }
    }

    private void announce(String topic, ArticleRow row, String actor) {
        events.postEvent(KnowledgeEvents.event(topic, KnowledgeEvents.ARTICLE, row.id(), KnowledgeEvents.VERSION,
                row.version(), KnowledgeEvents.STATUS, row.status(), KnowledgeEvents.LANGUAGE, row.language(),
                KnowledgeEvents.ACTOR, actor));
    }

    /** Milliseconds, as the database keeps them: an article read back equals the one a change returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String target(String id) {
        return "knowledge:" + id;
    }
}
