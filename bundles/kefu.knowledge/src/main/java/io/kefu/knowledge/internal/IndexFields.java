package io.kefu.knowledge.internal;

/**
 * The fields of the knowledge index. Each way of asking a question (the article's question and each alternative) is a
 * document of its own, so that a short question is not outweighed by its article's many other phrasings; the
 * question's document also holds the answer. Nothing is stored: hits become articles from {@link KnowledgeIndex}'s
 * heap copy.
 */
final class IndexFields {
    /** The article's id, on every document of the article: what an edit replaces and hits are grouped by. */
    static final String ARTICLE = "article";
    /** Which phrasing a document holds: the article's question (with the answer) or an alternative. */
    static final String KIND = "kind";
    static final String KIND_QUESTION = "question";
    static final String KIND_ALTERNATIVE = "alternative";
    static final String LANGUAGE = "language";
    static final String STATUS = "status";
    static final String TAG = "tag";

    static final String ZH_QUESTION_WORDS = "zh.question.words";
    static final String ZH_QUESTION_PAIRS = "zh.question.pairs";
    static final String ZH_ALTERNATIVE_WORDS = "zh.alternative.words";
    static final String ZH_ALTERNATIVE_PAIRS = "zh.alternative.pairs";
    static final String ZH_ANSWER_WORDS = "zh.answer.words";
    static final String ZH_ANSWER_PAIRS = "zh.answer.pairs";
    static final String EN_QUESTION = "en.question";
    static final String EN_ALTERNATIVE = "en.alternative";
    static final String EN_ANSWER = "en.answer";

    private IndexFields() {
    }
}
