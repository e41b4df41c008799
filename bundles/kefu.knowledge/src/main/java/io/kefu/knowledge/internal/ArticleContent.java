package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.ArticleStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an analyst writes in an article: its language, question, other ways of asking it, answer and tags. Every
 * version of an article has one; {@link #check} is the one place that decides what may be saved, for the REST
 * resource and the importers alike.
 */
record ArticleContent(Locale language, String question, List<String> alternativeQuestions, String answer,
        Set<String> tags) {
    static final Set<String> LANGUAGES = Set.of("zh", "en");
    static final int MAX_QUESTION_CHARS = 500;
    static final int MAX_ALTERNATIVES = 200;
    static final int MAX_ANSWER_CHARS = 20_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_CHARS = 64;
    /** Separates alternatives and tags in one CSV cell, so neither may contain it. */
    static final String LIST_SEPARATOR = "|";

    ArticleContent {
        alternativeQuestions = List.copyOf(alternativeQuestions);
        tags = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    }

    /**
     * The content as it will be saved (trimmed; blank and repeated alternatives dropped; tags lower-cased), or null
     * with the reasons added to {@code errors}.
     */
    static ArticleContent check(String language, String question, Collection<String> alternatives, String answer,
            Collection<String> tags, List<FieldError> errors) {
        int before = errors.size();
        Locale locale = language(language);
        if (locale == null) {
            errors.add(new FieldError("language", language == null || language.isBlank() ? "required: zh or en"
                    : "must be zh or en, not '" + language + "'"));
        }
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            errors.add(new FieldError("question", "required"));
        } else if (q.length() > MAX_QUESTION_CHARS) {
            errors.add(new FieldError("question", "at most " + MAX_QUESTION_CHARS + " characters"));
        }
        Set<String> others = new LinkedHashSet<>();
        if (alternatives != null) {
            for (String alternative : alternatives) {
                String a = alternative == null ? "" : alternative.strip();
                if (a.isEmpty() || a.equals(q)) {
                    continue;
                }
                if (a.length() > MAX_QUESTION_CHARS) {
                    errors.add(new FieldError("alternativeQuestions", "each at most " + MAX_QUESTION_CHARS
                            + " characters"));
                } else if (a.contains(LIST_SEPARATOR)) {
                    errors.add(new FieldError("alternativeQuestions", "may not contain '" + LIST_SEPARATOR + "': " + a));
                }
                others.add(a);
            }
        }
        if (others.size() > MAX_ALTERNATIVES) {
            errors.add(new FieldError("alternativeQuestions", "at most " + MAX_ALTERNATIVES));
        }
        String body = answer == null ? "" : answer.strip();
        if (body.isEmpty()) {
            errors.add(new FieldError("answer", "required"));
        } else if (body.length() > MAX_ANSWER_CHARS) {
            errors.add(new FieldError("answer", "at most " + MAX_ANSWER_CHARS + " characters"));
        }
        Set<String> labels = new LinkedHashSet<>();
        if (tags != null) {
            for (String tag : tags) {
                String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > MAX_TAG_CHARS || t.contains(LIST_SEPARATOR) || t.chars().anyMatch(Character::isISOControl)) {
                    errors.add(new FieldError("tags", "each 1-" + MAX_TAG_CHARS + " characters without '"
                            + LIST_SEPARATOR + "' or line breaks: " + t));
                }
                labels.add(t);
            }
        }
        if (labels.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS));
        }
        return errors.size() > before ? null : new ArticleContent(locale, q, new ArrayList<>(others), body, labels);
    }

    /** zh, zh-CN, zh_TW are Chinese; en, en-US English; anything else is not a knowledge base language. */
    static Locale language(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(text.strip().replace('_', '-')).getLanguage();
        return LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : null;
    }

    /** A status by name, any case; null when there is no such status. */
    static ArticleStatus status(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
