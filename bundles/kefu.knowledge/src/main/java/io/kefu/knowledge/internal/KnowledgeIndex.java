package io.kefu.knowledge.internal;

import static io.kefu.knowledge.internal.IndexFields.ARTICLE;
import static io.kefu.knowledge.internal.IndexFields.KIND;
import static io.kefu.knowledge.internal.IndexFields.LANGUAGE;
import static io.kefu.knowledge.internal.IndexFields.STATUS;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The searchable copy of the knowledge base. Every change is visible to the next search (the searcher is refreshed
 * after each write); the database stays the truth, and the index can always be rebuilt from it with
 * {@link #replaceAll}.
 *
 * <p>Plain Java: it needs no OSGi, database or logging, so evaluation tools can build one over any list of articles
 * (see {@link FaqEvaluation}). Thread-safe; writes from several threads are applied in some order, so a caller
 * that must keep the newest version of an article serialises its writes.
 */
public final class KnowledgeIndex implements Closeable {
    /** The id of Kefu's own knowledge base among {@link io.kefu.api.spi.KnowledgeSource}s. */
    public static final String SOURCE = "kefu";

    /** Enough for any question; an answer pasted as a query contributes its first terms only. */
    private static final int MOST_QUERY_TERMS = 64;
    /** Several phrasings of one article may lead the ranking; read this many documents per article asked for. */
    private static final int DOCUMENTS_PER_HIT = 5;
    private static final int LEAST_DOCUMENTS = 50;

    /** Matching only counts terms: no phrase queries, so no positions to store. */
    private static final FieldType COUNTED_TERMS = new FieldType();

    static {
        COUNTED_TERMS.setTokenized(true);
        COUNTED_TERMS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        COUNTED_TERMS.setStored(false);
        COUNTED_TERMS.freeze();
    }

    private final Directory directory;
    private final boolean ownsDirectory;
    private final SearchTuning tuning;
    private final ArticleAnalysis analysis;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * The indexed articles by id, to turn hits into articles. Looking them up in the index (a search per hit, then
     * decompressing a block of stored answers) was most of a search's time; the heap copy costs about what the
     * articles' text weighs, a few megabytes for ten thousand FAQ entries.
     */
    private volatile Map<String, KnowledgeArticle> articles = new ConcurrentHashMap<>();

    /**
     * An empty index in {@code directory}, replacing whatever the directory held (a previous run's index, complete or
     * not, is never trusted: the database is the truth). The caller closes the directory after this index.
     */
    public KnowledgeIndex(Directory directory, SearchTuning tuning) throws IOException {
        this(directory, false, tuning);
    }

    /** An index held on the heap, for tests, evaluations and small knowledge bases. */
    public static KnowledgeIndex inMemory(SearchTuning tuning) {
        try {
            return new KnowledgeIndex(new ByteBuffersDirectory(), true, tuning);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an index in memory", e);
        }
    }

    private KnowledgeIndex(Directory directory, boolean ownsDirectory, SearchTuning tuning) throws IOException {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.tuning = tuning;
        this.analysis = new ArticleAnalysis(tuning);
        Similarity similarity = new BM25Similarity(tuning.k1(), tuning.b());
        IndexWriter opened = null;
        try {
            opened = openWriter(similarity);
            opened.commit();
            this.searchers = new SearcherManager(opened, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(similarity);
                    return searcher;
                }
            });
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            analysis.close();
            throw e;
        }
        this.writer = opened;
    }

    private IndexWriter openWriter(Similarity similarity) throws IOException {
        removeForeignLock(directory);
        try {
            return new IndexWriter(directory, writerConfig(similarity));
        } catch (LockObtainFailedException taken) {
            // Another index writer (another Kefu on the same folder) is alive: its files are not ours to remove.
            throw taken;
        } catch (IOException unreadable) {
            // Even a fresh index reads the last commit it replaces; one that cannot be read is removed first.
            removeIndexFiles(directory);
            return new IndexWriter(directory, writerConfig(similarity));
        }
    }

    private IndexWriterConfig writerConfig(Similarity similarity) {
        return new IndexWriterConfig(analysis.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(similarity);
    }

    /**
     * Lucene's lock file is always empty; one with content was damaged or written by something else, and would make
     * every later write fail. A live writer's lock is empty, so this never takes a lock from another process.
     */
    private static void removeForeignLock(Directory directory) throws IOException {
        if (List.of(directory.listAll()).contains(IndexWriter.WRITE_LOCK_NAME)
                && directory.fileLength(IndexWriter.WRITE_LOCK_NAME) > 0) {
            directory.deleteFile(IndexWriter.WRITE_LOCK_NAME);
        }
    }

    /** Deletes the files Lucene's names mark as its own, and nothing else that may share the folder. */
    private static void removeIndexFiles(Directory directory) throws IOException {
        for (String file : directory.listAll()) {
            if (file.startsWith(IndexFileNames.SEGMENTS) || file.startsWith(IndexFileNames.PENDING_SEGMENTS)
                    || IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()) {
                directory.deleteFile(file);
            }
        }
    }

    public SearchTuning tuning() {
        return tuning;
    }

    /** Adds the article, or replaces the indexed version of it. */
    public void put(KnowledgeArticle article) throws IOException {
        writer.updateDocuments(new Term(ARTICLE, article.id()), documents(article));
        articles.put(article.id(), article);
        searchers.maybeRefreshBlocking();
    }

    /** Like {@link #put} for many articles, made visible together. */
    public void putAll(Collection<KnowledgeArticle> articles) throws IOException {
        for (KnowledgeArticle article : articles) {
            writer.updateDocuments(new Term(ARTICLE, article.id()), documents(article));
            this.articles.put(article.id(), article);
        }
        searchers.maybeRefreshBlocking();
    }

    public void remove(String articleId) throws IOException {
        writer.deleteDocuments(new Term(ARTICLE, articleId));
        searchers.maybeRefreshBlocking();
        articles.remove(articleId);
    }

    /**
     * Makes the index hold exactly {@code articles} and returns how many they are. Searches see the old contents
     * until the new ones are complete. {@code articles} must not fail half-way (read them first): what was written
     * until then would show at the next change.
     */
    public int replaceAll(Iterable<KnowledgeArticle> articles) throws IOException {
        writer.deleteAll();
        Map<String, KnowledgeArticle> replacing = new ConcurrentHashMap<>();
        for (KnowledgeArticle article : articles) {
            writer.updateDocuments(new Term(ARTICLE, article.id()), documents(article));
            replacing.put(article.id(), article);
        }
        // Until the new searcher serves, the old one's hits are looked up here: old and new articles both present.
        this.articles.putAll(replacing);
        writer.commit();
        searchers.maybeRefreshBlocking();
        this.articles = replacing;
        return replacing.size();
    }

    /** How many articles the index holds, in any status. */
    public int size() {
        return withSearcher(searcher -> searcher.count(new TermQuery(new Term(KIND, IndexFields.KIND_QUESTION))));
    }

    /**
     * Articles that answer {@code text}, best first. {@code language} null searches every language; only articles
     * in one of {@code statuses} are found.
     */
    public List<KnowledgeHit> search(String text, Locale language, Set<ArticleStatus> statuses, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        return ranked(matching(text, language, false), language, statuses, null, limit);
    }

    /** Articles that resemble {@code text} other than {@code excludedArticleId} (null excludes nothing). */
    public List<KnowledgeHit> related(String text, Locale language, Set<ArticleStatus> statuses,
            String excludedArticleId, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        return ranked(matching(text, language, false), language, statuses, excludedArticleId, limit);
    }

    /** Articles that resemble the given one (its question, alternatives and answer), in its language, not itself. */
    public List<KnowledgeHit> related(String articleId, Set<ArticleStatus> statuses, int limit) {
        Optional<KnowledgeArticle> article = find(articleId);
        if (article.isEmpty() || limit <= 0) {
            return List.of();
        }
        KnowledgeArticle of = article.get();
        String text = of.question() + "\n" + String.join("\n", of.alternativeQuestions()) + "\n" + of.answer();
        return ranked(matching(text, of.language(), true), of.language(), statuses, articleId, limit);
    }

    /** The article as indexed, in whatever status. */
    public Optional<KnowledgeArticle> find(String articleId) {
        return Optional.ofNullable(articles.get(articleId));
    }

    // ---- documents ----

    private List<Document> documents(KnowledgeArticle article) {
        String language = languageKey(article.language());
        boolean chinese = "zh".equals(language);
        List<Document> documents = new ArrayList<>();

        Document question = common(article, language, IndexFields.KIND_QUESTION);
        if (chinese) {
            question.add(new Field(IndexFields.ZH_QUESTION_WORDS, article.question(), COUNTED_TERMS));
            question.add(new Field(IndexFields.ZH_QUESTION_PAIRS, article.question(), COUNTED_TERMS));
            question.add(new Field(IndexFields.ZH_ANSWER_WORDS, article.answer(), COUNTED_TERMS));
            question.add(new Field(IndexFields.ZH_ANSWER_PAIRS, article.answer(), COUNTED_TERMS));
        } else {
            question.add(new Field(IndexFields.EN_QUESTION, article.question(), COUNTED_TERMS));
            question.add(new Field(IndexFields.EN_ANSWER, article.answer(), COUNTED_TERMS));
        }
        documents.add(question);

        for (String alternative : article.alternativeQuestions()) {
            Document phrasing = common(article, language, IndexFields.KIND_ALTERNATIVE);
            if (chinese) {
                phrasing.add(new Field(IndexFields.ZH_ALTERNATIVE_WORDS, alternative, COUNTED_TERMS));
                phrasing.add(new Field(IndexFields.ZH_ALTERNATIVE_PAIRS, alternative, COUNTED_TERMS));
            } else {
                phrasing.add(new Field(IndexFields.EN_ALTERNATIVE, alternative, COUNTED_TERMS));
            }
            documents.add(phrasing);
        }
        return documents;
    }

    private static Document common(KnowledgeArticle article, String language, String kind) {
        Document document = new Document();
        document.add(new StringField(ARTICLE, article.id(), Field.Store.NO));
        document.add(new SortedDocValuesField(ARTICLE, new BytesRef(article.id())));
        document.add(new StringField(KIND, kind, Field.Store.NO));
        document.add(new StringField(LANGUAGE, language, Field.Store.NO));
        document.add(new StringField(STATUS, article.status().name(), Field.Store.NO));
        for (String tag : article.tags()) {
            document.add(new StringField(IndexFields.TAG, tag, Field.Store.NO));
        }
        return document;
    }

    /** Articles are kept by language only: zh_CN and zh_TW are both Chinese here, en_GB and en_US English. */
    static String languageKey(Locale language) {
        return language == null ? "" : language.getLanguage();
    }

    // ---- queries ----

    /**
     * The text's terms on every field of the language(s) searched, weighted as {@link SearchTuning} says. With
     * {@code repeatsCount}, a term counts as often as the text repeats it: an article's own text used to find others
     * like it says what it is about by what it repeats (发货 in its question, alternatives and answer), more than by
     * the question words it shares with every other question (什么时候).
     */
    private Query matching(String text, Locale language, boolean repeatsCount) {
        String key = languageKey(language);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (language == null || "zh".equals(key)) {
            Map<String, Integer> words = analysis.chineseWords(text, MOST_QUERY_TERMS);
            Map<String, Integer> pairs = analysis.chinesePairs(text, MOST_QUERY_TERMS);
            float w = tuning.chineseWordsWeight();
            float p = tuning.chinesePairsWeight();
            anyTerm(any, IndexFields.ZH_QUESTION_WORDS, words, tuning.questionBoost() * w, repeatsCount);
            anyTerm(any, IndexFields.ZH_QUESTION_PAIRS, pairs, tuning.questionBoost() * p, repeatsCount);
            anyTerm(any, IndexFields.ZH_ALTERNATIVE_WORDS, words, tuning.alternativeBoost() * w, repeatsCount);
            anyTerm(any, IndexFields.ZH_ALTERNATIVE_PAIRS, pairs, tuning.alternativeBoost() * p, repeatsCount);
            anyTerm(any, IndexFields.ZH_ANSWER_WORDS, words, tuning.answerBoost() * w, repeatsCount);
            anyTerm(any, IndexFields.ZH_ANSWER_PAIRS, pairs, tuning.answerBoost() * p, repeatsCount);
        }
        if (language == null || !"zh".equals(key)) {
            Map<String, Integer> terms = analysis.english(text, MOST_QUERY_TERMS);
            anyTerm(any, IndexFields.EN_QUESTION, terms, tuning.questionBoost(), repeatsCount);
            anyTerm(any, IndexFields.EN_ALTERNATIVE, terms, tuning.alternativeBoost(), repeatsCount);
            anyTerm(any, IndexFields.EN_ANSWER, terms, tuning.answerBoost(), repeatsCount);
        }
        return any.build();
    }

    /**
     * One flat disjunction of weighted terms over all fields (rather than one nested per field): the same scores, and
     * Lucene can skip documents that cannot reach the top hits across all of them.
     */
    private static void anyTerm(BooleanQuery.Builder into, String field, Map<String, Integer> terms, float boost,
            boolean repeatsCount) {
        if (boost <= 0) {
            return;
        }
        terms.forEach((term, count) -> {
            float weight = repeatsCount ? boost * count : boost;
            Query one = new TermQuery(new Term(field, term));
            into.add(weight == 1f ? one : new BoostQuery(one, weight), Occur.SHOULD);
        });
    }

    private List<KnowledgeHit> ranked(Query matching, Locale language, Set<ArticleStatus> statuses,
            String excludedArticleId, int limit) {
        if (((BooleanQuery) matching).clauses().isEmpty() || statuses.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
        if (language != null) {
            query.add(new TermQuery(new Term(LANGUAGE, languageKey(language))), Occur.FILTER);
        }
        if (statuses.size() < ArticleStatus.values().length) {
            BooleanQuery.Builder anyStatus = new BooleanQuery.Builder();
            for (ArticleStatus status : statuses) {
                anyStatus.add(new TermQuery(new Term(STATUS, status.name())), Occur.SHOULD);
            }
            query.add(anyStatus.build(), Occur.FILTER);
        }
        if (excludedArticleId != null) {
            query.add(new TermQuery(new Term(ARTICLE, excludedArticleId)), Occur.MUST_NOT);
        }
        Query built = query.build();
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(built, Math.max(LEAST_DOCUMENTS, limit * DOCUMENTS_PER_HIT));
            String[] articleIds = articleIds(searcher, top.scoreDocs);
            // An article ranks by its best-matching phrasing (documents arrive best first).
            Map<String, Float> byArticle = new LinkedHashMap<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                byArticle.putIfAbsent(articleIds[i], top.scoreDocs[i].score);
            }
            List<KnowledgeHit> hits = new ArrayList<>();
            for (Map.Entry<String, Float> entry : byArticle.entrySet()) {
                if (hits.size() == limit) {
                    break;
                }
                KnowledgeArticle article = articles.get(entry.getKey());
                // The heap copy may already hold a newer version than this searcher saw (an article archived a
                // moment ago): what the caller may see is decided on the version returned.
                if (article != null && statuses.contains(article.status())
                        && (language == null || languageKey(article.language()).equals(languageKey(language)))) {
                    hits.add(new KnowledgeHit(article, entry.getValue(), SOURCE));
                }
            }
            return hits;
        });
    }

    /**
     * The article id of each hit, from doc values: reading stored fields would decompress whole blocks of answers
     * for every candidate. Doc values are read in document order, segment by segment, as their iterators require.
     */
    private static String[] articleIds(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] byDocument = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDocument[i] = i;
        }
        Arrays.sort(byDocument, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] ids = new String[hits.length];
        int leafIndex = -1;
        SortedDocValues values = null;
        for (int i : byDocument) {
            int doc = hits[i].doc;
            int leaf = ReaderUtil.subIndex(doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = DocValues.getSorted(leaves.get(leaf).reader(), ARTICLE);
            }
            if (values.advanceExact(doc - leaves.get(leaf).docBase)) {
                ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
            }
        }
        return ids;
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the knowledge index cannot be read", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            analysis.close();
            if (ownsDirectory) {
                directory.close();
            }
        }
    }
}
