package io.kefu.knowledge.internal;

import static io.kefu.knowledge.internal.KnowledgeFixture.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.api.security.AuditEntry;
import io.kefu.knowledge.internal.KnowledgeService.ArticleFilter;
import io.kefu.knowledge.internal.KnowledgeService.ImportOutcome;
import io.kefu.knowledge.internal.Rows.VersionRow;
import io.kefu.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KnowledgeServiceTest {
    private static final Set<ArticleStatus> PUBLISHED = EnumSet.of(ArticleStatus.PUBLISHED);
    private static final Set<ArticleStatus> ANY = EnumSet.allOf(ArticleStatus.class);
    private static final String ACTOR = ANALYST.username();

    static ArticleContent content(String language, String question, List<String> alternatives, String answer,
            String... tags) {
        List<FieldError> errors = new ArrayList<>();
        ArticleContent content = ArticleContent.check(language, question, alternatives, answer, List.of(tags), errors);
        assertThat(errors).isEmpty();
        return content;
    }

    static ArticleContent shipping() {
        return content("zh", "订单什么时候发货？", List.of("为什么还没发货"), "付款后48小时内发货。", "物流");
    }

    private static List<String> ids(List<KnowledgeHit> hits) {
        return hits.stream().map(h -> h.article().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anArticleIsSearchableByTheBotOnlyOncePublished(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            PublishedKnowledge bot = new PublishedKnowledge(f.index);
            KnowledgeArticle draft = f.knowledge.create(shipping(), ArticleStatus.DRAFT, ACTOR);

            assertThat(draft.version()).isEqualTo(1);
            assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(bot.search("我的订单怎么还没发货", Locale.CHINESE, 5)).isEmpty();
            assertThat(ids(f.knowledge.search("我的订单怎么还没发货", Locale.CHINESE, ANY, 5)))
                    .containsExactly(draft.id());

            KnowledgeArticle published = f.knowledge.publish(draft.id(), 1, ACTOR);
            assertThat(published.version()).isEqualTo(2);
            assertThat(bot.id()).isEqualTo("kefu");
            List<KnowledgeHit> hits = bot.search("我的订单怎么还没发货", Locale.CHINESE, 5);
            assertThat(ids(hits)).containsExactly(draft.id());
            assertThat(hits.get(0).article()).isEqualTo(published);

            // Publishing again changes nothing and makes no version.
            assertThat(f.knowledge.publish(draft.id(), null, ACTOR).version()).isEqualTo(2);

            f.knowledge.archive(draft.id(), 2, ACTOR);
            assertThat(bot.search("我的订单怎么还没发货", Locale.CHINESE, 5)).isEmpty();

            assertThat(f.knowledge.versions(draft.id())).extracting(VersionRow::version, VersionRow::changeKind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "ARCHIVED"),
                            org.assertj.core.groups.Tuple.tuple(2, "PUBLISHED"),
                            org.assertj.core.groups.Tuple.tuple(1, "CREATED"));
            assertThat(f.audit).extracting(AuditEntry::action).containsExactly("knowledge.create",
                    "knowledge.publish", "knowledge.archive");
            assertThat(f.audit).allMatch(e -> e.actor().equals(ACTOR) && e.target().equals("knowledge:" + draft.id()));
            assertThat(f.topics()).containsExactly(KnowledgeEvents.CREATED, KnowledgeEvents.PUBLISHED,
                    KnowledgeEvents.ARCHIVED);
            assertThat(f.lastEvent(KnowledgeEvents.ARCHIVED)).containsEntry(KnowledgeEvents.ARTICLE, draft.id())
                    .containsEntry(KnowledgeEvents.VERSION, 3).containsEntry(KnowledgeEvents.STATUS, "ARCHIVED")
                    .containsEntry(KnowledgeEvents.ACTOR, ACTOR);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUpdateIsSearchedAtOnceAndAStaleOneIsRefused(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle article = f.knowledge.create(shipping(), ArticleStatus.PUBLISHED, ACTOR);
            f.clock.now = f.clock.now.plus(Duration.ofMinutes(5)).plusNanos(123_456_789);

            KnowledgeArticle updated = f.knowledge.update(article.id(), 1, content("zh", "发货要多久？",
                    List.of("什么时候能收到快递"), "一般三天内送达。", "物流", "时效"), ACTOR);
            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.updatedAt()).isEqualTo(f.clock.now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(f.knowledge.find(article.id())).contains(updated);
            assertThat(updated.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(ids(f.knowledge.search("快递什么时候能收到", Locale.CHINESE, PUBLISHED, 5)))
                    .containsExactly(article.id());
            assertThat(f.knowledge.search("为什么还没发货", Locale.CHINESE, PUBLISHED, 5).get(0).article().question())
                    .isEqualTo("发货要多久？");

            assertThatThrownBy(() -> f.knowledge.update(article.id(), 1, shipping(), "someone.else"))
                    .isInstanceOf(StaleVersionException.class)
                    .satisfies(e -> assertThat(((StaleVersionException) e).currentVersion()).isEqualTo(2));
            assertThatThrownBy(() -> f.knowledge.publish(article.id(), 1, ACTOR))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(f.knowledge.find(article.id()).orElseThrow().question()).isEqualTo("发货要多久？");
            assertThat(f.knowledge.versions(article.id())).hasSize(2);
            assertThatThrownBy(() -> f.knowledge.update("nope", 1, shipping(), ACTOR))
                    .isInstanceOf(NoSuchElementException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEarlierVersionCanBeSeenAndRestoredAsANewVersion(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle article = f.knowledge.create(shipping(), ArticleStatus.PUBLISHED, ACTOR);
            f.knowledge.update(article.id(), 1, content("zh", "发货要多久？", List.of(), "一般三天内送达。"),
                    "wang.editor");

            VersionRow first = f.knowledge.version(article.id(), 1).orElseThrow();
            assertThat(first.content()).isEqualTo(shipping());
            assertThat(first.editedBy()).isEqualTo(ACTOR);

            KnowledgeArticle restored = f.knowledge.restore(article.id(), 1, 2, ACTOR);
            assertThat(restored.version()).isEqualTo(3);
            assertThat(restored.question()).isEqualTo("订单什么时候发货？");
            assertThat(restored.alternativeQuestions()).containsExactly("为什么还没发货");
            assertThat(restored.tags()).containsExactly("物流");
            VersionRow third = f.knowledge.version(article.id(), 3).orElseThrow();
            assertThat(third.changeKind()).isEqualTo("RESTORED");
            assertThat(third.restoredFrom()).isEqualTo(1);
            assertThat(ids(f.knowledge.search("为什么还没发货", Locale.CHINESE, PUBLISHED, 1)))
                    .containsExactly(article.id());
            assertThat(f.knowledge.search("为什么还没发货", Locale.CHINESE, PUBLISHED, 1).get(0).article().version())
                    .isEqualTo(3);

            assertThatThrownBy(() -> f.knowledge.restore(article.id(), 9, null, ACTOR))
                    .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no version 9");
            assertThatThrownBy(() -> f.knowledge.restore(article.id(), 1, 2, ACTOR))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(f.audit).extracting(AuditEntry::action).contains("knowledge.update", "knowledge.restore");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeletedArticleLeavesTheIndexAndTheDatabase(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle article = f.knowledge.create(shipping(), ArticleStatus.PUBLISHED, ACTOR);
            assertThatThrownBy(() -> f.knowledge.delete(article.id(), 7, ACTOR))
                    .isInstanceOf(StaleVersionException.class);

            f.knowledge.delete(article.id(), 1, ACTOR);
            assertThat(f.knowledge.find(article.id())).isEmpty();
            assertThat(f.knowledge.versions(article.id())).isEmpty();
            assertThat(f.knowledge.search("发货", Locale.CHINESE, ANY, 5)).isEmpty();
            assertThat(f.audit.get(f.audit.size() - 1).detail()).contains("订单什么时候发货");
            assertThat(f.lastEvent(KnowledgeEvents.DELETED)).containsEntry(KnowledgeEvents.ARTICLE, article.id());
            assertThatThrownBy(() -> f.knowledge.delete(article.id(), null, ACTOR))
                    .isInstanceOf(NoSuchElementException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theIndexIsRebuiltFromTheDatabaseAtStartEvenOverADamagedFolder(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle shipping = f.knowledge.create(shipping(), ArticleStatus.PUBLISHED, ACTOR);
            KnowledgeArticle refund = f.knowledge.create(content("en", "How do I get a refund?", List.of(),
                    "Refunds go back to the card you paid with."), ArticleStatus.PUBLISHED, ACTOR);
            f.stop();
            try (var files = Files.list(f.indexFolder)) {
                for (var file : files.toList()) {
                    Files.writeString(file, "damaged", StandardCharsets.UTF_8);
                }
            }

            f.start();
            assertThat(f.index.size()).isEqualTo(2);
            assertThat(f.index.location()).isEqualTo(f.indexFolder.toAbsolutePath().toString());
            assertThat(ids(f.knowledge.search("我的订单怎么还没发货", Locale.CHINESE, PUBLISHED, 3)))
                    .containsExactly(shipping.id());
            assertThat(ids(f.knowledge.search("refunded", Locale.ENGLISH, PUBLISHED, 3)))
                    .containsExactly(refund.id());
            assertThat(f.knowledge.rebuildIndex(ACTOR)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void analystsFilterTheListByStatusLanguageTagAndText(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle shipping = f.knowledge.create(shipping(), ArticleStatus.PUBLISHED, ACTOR);
            f.clock.now = f.clock.now.plusSeconds(1);
            KnowledgeArticle discount = f.knowledge.create(content("zh", "满100减20怎么用？", List.of("优惠_券"),
                    "结算时自动抵扣 100% 有效。", "优惠"), ArticleStatus.DRAFT, ACTOR);
            f.clock.now = f.clock.now.plusSeconds(1);
            KnowledgeArticle english = f.knowledge.create(content("en", "Where is my PARCEL?", List.of(),
                    "Track it in your orders.", "物流"), ArticleStatus.DRAFT, ACTOR);

            assertThat(f.knowledge.list(ArticleFilter.NONE, 0, 10)).extracting(KnowledgeArticle::id)
                    .containsExactly(english.id(), discount.id(), shipping.id());
            assertThat(f.knowledge.count(ArticleFilter.NONE)).isEqualTo(3);
            assertThat(f.knowledge.list(ArticleFilter.NONE, 1, 1)).extracting(KnowledgeArticle::id)
                    .containsExactly(discount.id());
            assertThat(list(f, new ArticleFilter(ArticleStatus.DRAFT, null, null, null)))
                    .containsExactly(english.id(), discount.id());
            assertThat(list(f, new ArticleFilter(null, Locale.CHINESE, null, null)))
                    .containsExactly(discount.id(), shipping.id());
            assertThat(list(f, new ArticleFilter(null, null, " 物流 ", null)))
                    .containsExactly(english.id(), shipping.id());
            assertThat(list(f, new ArticleFilter(null, null, null, "parcel"))).containsExactly(english.id());
            assertThat(list(f, new ArticleFilter(null, null, null, "还没发货"))).containsExactly(shipping.id());
            // LIKE's wildcards are searched for as themselves.
            assertThat(list(f, new ArticleFilter(null, null, null, "100%"))).containsExactly(discount.id());
            assertThat(list(f, new ArticleFilter(null, null, null, "_"))).containsExactly(discount.id());
            assertThat(f.knowledge.count(new ArticleFilter(ArticleStatus.DRAFT, Locale.ENGLISH, "物流", "track")))
                    .isEqualTo(1);
        }
    }

    private static List<String> list(KnowledgeFixture f, ArticleFilter filter) {
        return f.knowledge.list(filter, 0, 50).stream().map(KnowledgeArticle::id).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anImportCreatesAndUpdatesInOneGoAndAnExportImportsBackUnchanged(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle existing = f.knowledge.create(shipping(), ArticleStatus.DRAFT, ACTOR);
            String csv = ArticleFiles.CSV_HEADER + "\n"
                    + existing.id() + ",zh,订单什么时候发货？,为什么还没发货|几天发货,付款后24小时内发货。,物流,PUBLISHED\n"
                    + "faq-refund,zh,如何申请退款？,退款多久到账,在订单页申请退款。,售后,PUBLISHED\n"
                    + ",en,Can I change my address?,,Yes before shipping.,,\n";
            ArticleFiles.Parsed parsed = ArticleFiles.readCsv(csv.getBytes(StandardCharsets.UTF_8), 100);
            assertThat(parsed.errors()).isEmpty();

            ImportOutcome outcome = f.knowledge.importArticles(parsed.rows(), ACTOR);
            assertThat(outcome).isEqualTo(new ImportOutcome(2, 1, 0));
            KnowledgeArticle updated = f.knowledge.find(existing.id()).orElseThrow();
            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(updated.alternativeQuestions()).containsExactly("为什么还没发货", "几天发货");
            assertThat(f.knowledge.versions(existing.id()).get(0).changeKind()).isEqualTo("IMPORTED");
            assertThat(ids(f.knowledge.search("退款要多久才到账", Locale.CHINESE, PUBLISHED, 1)))
                    .containsExactly("faq-refund");
            assertThat(f.knowledge.search("几天发货", Locale.CHINESE, PUBLISHED, 1).get(0).article().answer())
                    .isEqualTo("付款后24小时内发货。");
            assertThat(f.lastEvent(KnowledgeEvents.IMPORTED)).containsEntry(KnowledgeEvents.CREATED_COUNT, 2)
                    .containsEntry(KnowledgeEvents.UPDATED_COUNT, 1);
            assertThat(f.audit.get(f.audit.size() - 1).action()).isEqualTo("knowledge.import");

            List<KnowledgeArticle> all = f.knowledge.export(ArticleFilter.NONE);
            assertThat(all).hasSize(3);
            for (byte[] file : List.of(ArticleFiles.writeCsv(all), ArticleFiles.writeJson(all))) {
                ArticleFiles.Parsed again = file[0] == '['
                        ? ArticleFiles.readJson(file, 100) : ArticleFiles.readCsv(file, 100);
                assertThat(again.errors()).isEmpty();
                assertThat(f.knowledge.importArticles(again.rows(), ACTOR)).isEqualTo(new ImportOutcome(0, 0, 3));
            }
            assertThat(f.knowledge.export(ArticleFilter.NONE)).isEqualTo(all);
            assertThat(f.knowledge.export(new ArticleFilter(null, Locale.ENGLISH, null, null))).hasSize(1);
            assertThat(f.knowledge.export(new ArticleFilter(ArticleStatus.PUBLISHED, null, "售后", null)))
                    .extracting(KnowledgeArticle::id).containsExactly("faq-refund");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void relatedQuestionsComeFromOtherPublishedArticles(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle shipping = f.knowledge.create(shipping(), ArticleStatus.PUBLISHED, ACTOR);
            KnowledgeArticle delay = f.knowledge.create(content("zh", "发货延迟有补偿吗？", List.of(),
                    "超过承诺时间发货可申请补偿。"), ArticleStatus.PUBLISHED, ACTOR);
            f.knowledge.create(content("zh", "订单发货后能改地址吗？", List.of(), "发货后请联系快递改地址。"),
                    ArticleStatus.DRAFT, ACTOR);
            f.knowledge.create(content("zh", "发票怎么开？", List.of(), "订单完成后申请。"), ArticleStatus.PUBLISHED, ACTOR);
            f.knowledge.create(content("zh", "如何申请退款？", List.of("退款多久到账"), "在订单页申请，审核后原路退回。"),
                    ArticleStatus.PUBLISHED, ACTOR);
            f.knowledge.create(content("zh", "怎么修改收货地址？", List.of(), "发货前可在订单详情页修改。"),
                    ArticleStatus.PUBLISHED, ACTOR);
            f.knowledge.create(content("zh", "优惠券怎么用？", List.of("满减什么时候生效"), "结算时选择可用的券。"),
                    ArticleStatus.PUBLISHED, ACTOR);

            List<String> related = ids(f.knowledge.relatedTo(shipping.id(), PUBLISHED, 5));
            assertThat(related).first().isEqualTo(delay.id());
            assertThat(related).doesNotContain(shipping.id());
            assertThat(ids(f.knowledge.related("还没发货", Locale.CHINESE, PUBLISHED, shipping.id(), 5)))
                    .first().isEqualTo(delay.id());
            assertThatThrownBy(() -> f.knowledge.relatedTo("missing", PUBLISHED, 5))
                    .isInstanceOf(NoSuchElementException.class);
        }
    }
}
