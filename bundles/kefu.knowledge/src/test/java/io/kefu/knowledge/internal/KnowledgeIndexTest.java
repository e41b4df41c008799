package io.kefu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexTest {
    private static final Set<ArticleStatus> PUBLISHED = EnumSet.of(ArticleStatus.PUBLISHED);
    private static final Set<ArticleStatus> ANY = EnumSet.allOf(ArticleStatus.class);
    private static final Locale ZH = Locale.CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private KnowledgeIndex index;

    static KnowledgeArticle article(String id, Locale language, String question, List<String> alternatives,
            String answer, ArticleStatus status) {
        return new KnowledgeArticle(id, language, question, alternatives, answer, Set.of("faq"), status, 1,
                Instant.parse("2026-11-21T08:00:00Z"));
    }

    static KnowledgeArticle zh(String id, String question, List<String> alternatives, String answer) {
        return article(id, ZH, question, alternatives, answer, ArticleStatus.PUBLISHED);
    }

    static KnowledgeArticle en(String id, String question, List<String> alternatives, String answer) {
        return article(id, EN, question, alternatives, answer, ArticleStatus.PUBLISHED);
    }

    /** A small shop's FAQ: several entries share words (订单, 发货, 退款), so a match must come from the right ones. */
    static List<KnowledgeArticle> shopFaq() {
        return List.of(
                zh("shipping", "订单什么时候发货？", List.of("为什么还没发货"), "付款后48小时内发货，节假日顺延。"),
                zh("cancel", "订单可以取消吗？", List.of("怎么取消订单"), "未发货的订单可在订单详情页取消。"),
                zh("address", "怎么修改收货地址？", List.of("地址填错了怎么办"), "发货前可在订单详情页修改地址。"),
                zh("refund", "如何申请退款？", List.of("退款多久到账"), "在订单页点击申请退款，审核后原路退回。"),
                zh("invoice", "发票怎么开？", List.of("可以开专票吗"), "在订单完成后申请电子发票。"),
                zh("logistics", "怎么查询物流状态？", List.of("快递到哪了"), "在订单详情页查看物流信息。"),
                en("refund-en", "How do I get my money back?", List.of("Can I return an item?"),
                        "Refunds are issued to the original payment method within 5 days."),
                en("password-en", "I forgot my password", List.of("Reset my login"),
                        "Use the reset link on the sign-in page."),
                en("shipping-en", "When will my order ship?", List.of(),
                        "Orders ship within two business days."));
    }

    @BeforeEach
    void openIndex() throws Exception {
        index = KnowledgeIndex.inMemory(SearchTuning.defaults());
        index.putAll(shopFaq());
    }

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
    }

    private List<String> ids(List<KnowledgeHit> hits) {
        return hits.stream().map(h -> h.article().id()).toList();
    }

    @Test
    void aChineseQuestionFindsTheFaqThatAsksTheSameInOtherWords() {
        List<KnowledgeHit> hits = index.search("我的订单怎么还没发货", ZH, PUBLISHED, 5);
        assertThat(ids(hits)).first().isEqualTo("shipping");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.get(0).source()).isEqualTo("kefu");
    }

    @Test
    void chineseCharacterPairsMatchWordsTheSegmenterDoesNotKnow() {
        // 快递 is in the alternative; the question asks with a phrase smartcn splits differently.
        assertThat(ids(index.search("快递到哪里了", ZH, PUBLISHED, 3))).first().isEqualTo("logistics");
        assertThat(ids(index.search("退款多长时间能到账", ZH, PUBLISHED, 3))).first().isEqualTo("refund");
    }

    @Test
    void englishWordsMeetTheirStemsAndStopWordsDoNotCount() {
        assertThat(ids(index.search("refunded", EN, PUBLISHED, 3))).containsExactly("refund-en");
        assertThat(ids(index.search("REFUNDS", EN, PUBLISHED, 3))).containsExactly("refund-en");
        assertThat(ids(index.search("returning items", EN, PUBLISHED, 3))).first().isEqualTo("refund-en");
        // Nothing but stop words: nothing to match.
        assertThat(index.search("the and of", EN, PUBLISHED, 3)).isEmpty();
    }

    @Test
    void theLanguageFiltersAndNoLanguageSearchesAll() {
        assertThat(index.search("refund", ZH, PUBLISHED, 5)).isEmpty();
        assertThat(index.search("订单发货", EN, PUBLISHED, 5)).isEmpty();
        assertThat(ids(index.search("refund", null, PUBLISHED, 5))).contains("refund-en");
        assertThat(ids(index.search("发货", null, PUBLISHED, 5))).contains("shipping");
        // Regional variants are the same language.
        assertThat(ids(index.search("发货", Locale.SIMPLIFIED_CHINESE, PUBLISHED, 5))).contains("shipping");
    }

    @Test
    void theQuestionOutweighsTheAnswer() throws Exception {
        index.put(zh("coupon-q", "优惠券怎么用？", List.of(), "结算时选择可用的券。"));
        index.put(zh("coupon-a", "下单有什么技巧？", List.of(), "优惠券怎么用：结算时选择可用的券即可，下单更省。"));
        assertThat(ids(index.search("优惠券怎么用", ZH, PUBLISHED, 2))).containsExactly("coupon-q", "coupon-a");
    }

    @Test
    void onlyTheAskedStatusesAreFound() throws Exception {
        index.put(article("draft", ZH, "积分怎么兑换？", List.of(), "在积分商城兑换。", ArticleStatus.DRAFT));
        assertThat(index.search("积分兑换", ZH, PUBLISHED, 5)).isEmpty();
        assertThat(ids(index.search("积分兑换", ZH, EnumSet.of(ArticleStatus.DRAFT), 5))).containsExactly("draft");
        assertThat(ids(index.search("积分兑换", ZH, ANY, 5))).containsExactly("draft");
    }

    @Test
    void theIndexFollowsEditsArchivingAndDeletion() throws Exception {
        assertThat(ids(index.search("发票", ZH, PUBLISHED, 1))).containsExactly("invoice");

        index.put(new KnowledgeArticle("invoice", ZH, "会员积分怎么用？", List.of("积分过期了吗"),
                "积分可在结算时抵现。", Set.of(), ArticleStatus.PUBLISHED, 2, Instant.now()));
        assertThat(ids(index.search("发票", ZH, PUBLISHED, 5))).doesNotContain("invoice");
        assertThat(ids(index.search("积分过期", ZH, PUBLISHED, 1))).containsExactly("invoice");
        assertThat(index.search("积分过期", ZH, PUBLISHED, 1).get(0).article().version()).isEqualTo(2);

        index.put(new KnowledgeArticle("invoice", ZH, "会员积分怎么用？", List.of("积分过期了吗"),
                "积分可在结算时抵现。", Set.of(), ArticleStatus.ARCHIVED, 3, Instant.now()));
        assertThat(ids(index.search("积分过期", ZH, PUBLISHED, 5))).doesNotContain("invoice");
        assertThat(ids(index.search("积分过期", ZH, ANY, 5))).containsExactly("invoice");

        index.remove("invoice");
        assertThat(index.search("积分过期", ZH, ANY, 5)).isEmpty();
        assertThat(index.size()).isEqualTo(shopFaq().size() - 1);
    }

    @Test
    void aHitCarriesTheWholeArticleAsIndexed() {
        KnowledgeHit hit = index.search("取消订单", ZH, PUBLISHED, 1).get(0);
        assertThat(hit.article()).isEqualTo(shopFaq().get(1));
    }

    @Test
    void relatedQuestionsAreOtherArticlesLikeTheGivenOne() {
        List<String> related = ids(index.related("shipping", PUBLISHED, 3));
        assertThat(related).doesNotContain("shipping").isNotEmpty();
        assertThat(related).allMatch(id -> !id.endsWith("-en"));

        List<String> forQuestion = ids(index.related("订单发货了吗", ZH, PUBLISHED, "shipping", 3));
        assertThat(forQuestion).doesNotContain("shipping").isNotEmpty();
        assertThat(index.related("no-such-article", PUBLISHED, 3)).isEmpty();
    }

    @Test
    void aFolderAnotherLiveIndexWritesIsLeftAlone(@TempDir Path folder) throws Exception {
        try (FSDirectory first = FSDirectory.open(folder);
                KnowledgeIndex live = new KnowledgeIndex(first, SearchTuning.defaults());
                FSDirectory second = FSDirectory.open(folder)) {
            live.replaceAll(shopFaq());
            assertThatThrownBy(() -> new KnowledgeIndex(second, SearchTuning.defaults()))
                    .isInstanceOf(LockObtainFailedException.class);
            assertThat(ids(live.search("我的订单怎么还没发货", ZH, PUBLISHED, 1))).containsExactly("shipping");
        }
    }

    @Test
    void anIndexFolderLeftDamagedIsReplacedNotRead(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("segments_3"), "not an index", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("_0.cfs"), "half a segment", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("write.lock"), "", StandardCharsets.UTF_8);
        try (FSDirectory directory = FSDirectory.open(folder);
                KnowledgeIndex onDisk = new KnowledgeIndex(directory, SearchTuning.defaults())) {
            assertThat(onDisk.size()).isZero();
            onDisk.replaceAll(shopFaq());
            assertThat(ids(onDisk.search("我的订单怎么还没发货", ZH, PUBLISHED, 1))).containsExactly("shipping");
        }
    }
}
