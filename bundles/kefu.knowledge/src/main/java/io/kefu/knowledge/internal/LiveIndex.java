package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.knowledge.internal.Rows.ArticleRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge index of this runtime, kept in step with the database: rebuilt from it whenever the component starts,
 * then told about every committed change. The database is the truth: an index folder left by an earlier run, whole,
 * half-written or damaged, is replaced, never read.
 *
 * <p>Writes are serialised and each one re-reads the article from the database after the change committed, so two
 * edits of one article that commit close together still leave the newer one in the index, whatever order their
 * threads reach here in.
 */
@Component(service = LiveIndex.class, configurationPid = "kefu.knowledge")
@Designate(ocd = KnowledgeConfig.class)
public final class LiveIndex {
    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    private final KnowledgeData data;
    private final Directory directory;
    private final KnowledgeIndex index;
    private final String location;
    private final CountDownLatch ready = new CountDownLatch(1);
    private static final Duration READY_WAIT = Duration.ofSeconds(20);

    /**
     * Empty until {@link #fill()} ran: in the runtime the knowledge service (an immediate component) fills it on its
     * warm-up thread, then adds the demo articles on a first start, then opens it, so that the framework's start
     * thread does not wait for the rebuild (start-up goal, docs/performance.md) and the bot never searches a
     * half-filled index. Should nothing open it, searches go ahead after {@link #READY_WAIT}.
     */
    @Activate
    public LiveIndex(@Reference KnowledgeData data, KnowledgeConfig config) {
        this(data, config.indexDirectory(), SearchTuning.defaults(), false);
    }

    /** Filled from the database before this returns. */
    LiveIndex(KnowledgeData data, String folder, SearchTuning tuning) {
        this(data, folder, tuning, true);
    }

    /** {@code folder} relative to the working directory (the Kefu home), or {@value KnowledgeConfig#MEMORY}. */
    private LiveIndex(KnowledgeData data, String folder, SearchTuning tuning, boolean fillNow) {
        this.data = data;
        Directory opened = null;
        KnowledgeIndex created = null;
        String where = KnowledgeConfig.MEMORY;
        if (folder != null && !folder.isBlank() && !KnowledgeConfig.MEMORY.equalsIgnoreCase(folder.strip())) {
            Path path = Path.of(folder.strip()).toAbsolutePath();
            try {
                Files.createDirectories(path);
                opened = FSDirectory.open(path);
                created = new KnowledgeIndex(opened, tuning);
                where = path.toString();
            } catch (IOException | RuntimeException e) {
                // Search must not be lost with a folder: the heap holds the index until the folder is usable again.
                LOG.error("Cannot keep the knowledge index in {} ({}); keeping it in memory instead", path,
                        e.toString());
                closeQuietly(opened);
                opened = null;
            }
        }
        this.directory = opened;
        this.index = created != null ? created : KnowledgeIndex.inMemory(tuning);
        this.location = where;
        if (fillNow) {
            fill();
            open();
        }
    }

    /** The rebuild at start, logged. */
    void fill() {
        long started = System.nanoTime();
        int articles = rebuild();
        LOG.info("Knowledge index ({}) rebuilt from the database: {} articles in {} ms", location, articles,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Lets searches through: until then they wait (at most {@link #READY_WAIT}) rather than miss every article. */
    void open() {
        ready.countDown();
    }

    private void awaitReady() {
        try {
            if (!ready.await(READY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The knowledge index is still being filled after {}; searching what it has", READY_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes the index hold exactly the articles in the database; returns how many. All are read before the index is
     * touched, so a database failure half-way leaves the index as it was.
     */
    synchronized int rebuild() {
        List<KnowledgeArticle> all = new ArrayList<>();
        data.everyArticle().forEachRemaining(all::add);
        try {
            return index.replaceAll(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the knowledge index in " + location, e);
        }
    }

    /** Brings the index up to date with the committed state of these articles (deleted ones leave it). */
    synchronized void refresh(Collection<String> articleIds) {
        try {
            List<KnowledgeArticle> present = new ArrayList<>();
            for (String id : articleIds) {
                ArticleRow row = data.read(m -> m.article(id));
                if (row == null) {
                    index.remove(id);
                } else {
                    present.add(row.toArticle());
                }
            }
            index.putAll(present);
        } catch (IOException e) {
            // The change is committed; the index catches up at the next rebuild (POST /api/knowledge/index/rebuild
            // or a restart). Searches meanwhile miss only this change.
            LOG.error("The knowledge index could not take in changes to {}; rebuild it to catch up", articleIds, e);
        }
    }

    List<KnowledgeHit> search(String text, Locale language, Set<ArticleStatus> statuses, int limit) {
        awaitReady();
        return index.search(text, language, statuses, limit);
    }

    List<KnowledgeHit> related(String text, Locale language, Set<ArticleStatus> statuses, String excludedArticleId,
            int limit) {
        awaitReady();
        return index.related(text, language, statuses, excludedArticleId, limit);
    }

    List<KnowledgeHit> relatedTo(String articleId, Set<ArticleStatus> statuses, int limit) {
        awaitReady();
        return index.related(articleId, statuses, limit);
    }

    int size() {
        return index.size();
    }

    String location() {
        return location;
    }

    @Deactivate
    void close() {
        try {
            index.close();
        } catch (IOException e) {
            LOG.warn("Closing the knowledge index failed: {}", e.toString());
        }
        closeQuietly(directory);
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                LOG.debug("Closing the index folder failed", e);
            }
        }
    }
}
