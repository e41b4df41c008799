package io.kefu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArticleAnalysisTest {
    private final ArticleAnalysis analysis = new ArticleAnalysis(SearchTuning.defaults());

    @AfterEach
    void close() {
        analysis.close();
    }

    @Test
    void chineseIsSegmentedIntoDictionaryWords() {
        assertThat(analysis.chineseWords("我的订单还没有发货，请帮我查询物流状态", 64))
                .containsKeys("订单", "查询", "物流", "状态")
                .doesNotContainKey("，");
    }

    @Test
    void chineseIsAlsoReadAsOverlappingCharacterPairs() {
        assertThat(analysis.chinesePairs("订单发货", 64)).containsKeys("订单", "单发", "发货", "订", "货");
        assertThat(analysis.chinesePairs("发货了吗？还没发货", 64)).containsEntry("发货", 2);
        // Latin words and numbers inside Chinese text stay whole and lower-cased; full-width forms are folded.
        assertThat(analysis.chinesePairs("ＶＩＰ会员iPhone 15", 64)).containsKeys("vip", "会员", "iphone", "15");
    }

    @Test
    void englishIsStemmedAndStopWordsDropped() {
        assertThat(analysis.english("Refunds were refunded to the customers", 64).keySet())
                .containsExactly("refund", "were", "custom");
        assertThat(analysis.english("shipping shipped ships", 64)).containsExactly(java.util.Map.entry("ship", 3));
    }

    @Test
    void aQueryContributesAtMostTheGivenNumberOfDistinctTerms() {
        assertThat(analysis.english("alpha beta gamma delta alpha", 3)).containsExactly(java.util.Map.entry("alpha", 2),
                java.util.Map.entry("beta", 1), java.util.Map.entry("gamma", 1));
    }
}
