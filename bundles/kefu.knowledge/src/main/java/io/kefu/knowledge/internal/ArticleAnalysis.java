package io.kefu.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How article text becomes search terms. Chinese is read twice: as words (smartcn's dictionary segmentation, which
 * knows 订单 and 发货) and as overlapping character pairs (which still match when the segmenter cuts a phrase
 * differently in the question and in the article, or meets a product name it does not know, such as 花呗). English
 * is lower-cased, stemmed (refunds, refunded and refund meet) and stripped of stop words.
 */
final class ArticleAnalysis implements AutoCloseable {
    private final Analyzer chineseWords;
    private final Analyzer chineseBigrams;
    private final Analyzer english;
    private final Analyzer perField;

    ArticleAnalysis(SearchTuning tuning) {
        // smartcn's own stop set is punctuation only: function words (的, 吗, 怎么) stay, which measured better
        // than dropping them, since BM25 already weighs them down and they carry some of a question's meaning.
        this.chineseWords = new SmartChineseAnalyzer(true);
        this.chineseBigrams = new CharacterPairs(tuning.chineseSingleCharacters());
        this.english = new EnglishAnalyzer();
        this.perField = new PerFieldAnalyzerWrapper(english, java.util.Map.of(
                IndexFields.ZH_QUESTION_WORDS, chineseWords, IndexFields.ZH_ALTERNATIVE_WORDS, chineseWords,
                IndexFields.ZH_ANSWER_WORDS, chineseWords,
                IndexFields.ZH_QUESTION_PAIRS, chineseBigrams, IndexFields.ZH_ALTERNATIVE_PAIRS, chineseBigrams,
                IndexFields.ZH_ANSWER_PAIRS, chineseBigrams));
    }

    /** The analyzer for each indexed text field, by its name. */
    Analyzer perField() {
        return perField;
    }

    Map<String, Integer> chineseWords(String text, int most) {
        return terms(chineseWords, text, most);
    }

    Map<String, Integer> chinesePairs(String text, int most) {
        return terms(chineseBigrams, text, most);
    }

    Map<String, Integer> english(String text, int most) {
        return terms(english, text, most);
    }

    /**
     * The distinct terms of {@code text} in order of first appearance, at most {@code most} of them, each with how
     * often it occurs.
     */
    private static Map<String, Integer> terms(Analyzer analyzer, String text, int most) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String value = term.toString();
                if (terms.containsKey(value) || terms.size() < most) {
                    terms.merge(value, 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text held in memory", e);
        }
        return terms;
    }

    @Override
    public void close() {
        chineseWords.close();
        chineseBigrams.close();
        english.close();
    }

    /**
     * Overlapping pairs of Han characters (订单发货 gives 订单, 单发, 发货); Latin words and numbers pass whole and
     * lower-cased. Full-width letters and digits are folded first, so ＡＢＣ１ meets abc1.
     */
    private static final class CharacterPairs extends Analyzer {
        private final boolean singleCharacters;

        CharacterPairs(boolean singleCharacters) {
            this.singleCharacters = singleCharacters;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, singleCharacters);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }
}
