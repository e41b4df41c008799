package io.kefu.knowledge.internal;

/**
 * The weights of knowledge search, measured on the ATEC FAQ set (see README and {@link FaqEvaluation}). The
 * question and its alternatives outweigh the answer: customers ask in questions, and an answer mentions many things
 * it is not about.
 *
 * @param questionBoost weight of a match on the article's own question
 * @param alternativeBoost weight of a match on one of its alternative questions
 * @param answerBoost weight of a match in the answer
 * @param chineseWordsWeight weight of segmented Chinese words
 * @param chinesePairsWeight weight of overlapping Chinese character pairs
 * @param chineseSingleCharacters whether the character-pair field also holds single characters
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 */
public record SearchTuning(float questionBoost, float alternativeBoost, float answerBoost, float chineseWordsWeight,
        float chinesePairsWeight, boolean chineseSingleCharacters, float k1, float b) {

    /** The product's weights, chosen on ATEC dev/test. */
    public static SearchTuning defaults() {
        return new SearchTuning(1.0f, 1.0f, 0.3f, 0.5f, 1.0f, true, 1.2f, 0.75f);
    }

    public SearchTuning withQuestionBoosts(float question, float alternative, float answer) {
        return new SearchTuning(question, alternative, answer, chineseWordsWeight, chinesePairsWeight,
                chineseSingleCharacters, k1, b);
    }

    public SearchTuning withChineseWeights(float words, float pairs) {
        return new SearchTuning(questionBoost, alternativeBoost, answerBoost, words, pairs, chineseSingleCharacters,
                k1, b);
    }

    public SearchTuning withChineseSingleCharacters(boolean singleCharacters) {
        return new SearchTuning(questionBoost, alternativeBoost, answerBoost, chineseWordsWeight, chinesePairsWeight,
                singleCharacters, k1, b);
    }

    public SearchTuning withBm25(float k1, float b) {
        return new SearchTuning(questionBoost, alternativeBoost, answerBoost, chineseWordsWeight, chinesePairsWeight,
                chineseSingleCharacters, k1, b);
    }
}
