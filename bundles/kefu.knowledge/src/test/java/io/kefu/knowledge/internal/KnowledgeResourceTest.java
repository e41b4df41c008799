package io.kefu.knowledge.internal;

import static io.kefu.knowledge.internal.KnowledgeFixture.AGENT;
import static io.kefu.knowledge.internal.KnowledgeFixture.ANALYST;
import static io.kefu.knowledge.internal.KnowledgeFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.security.Roles;
import io.kefu.knowledge.internal.KnowledgeResource.ArticleDetail;
import io.kefu.knowledge.internal.KnowledgeResource.ArticleEdit;
import io.kefu.knowledge.internal.KnowledgeResource.InvalidArticle;
import io.kefu.knowledge.internal.KnowledgeResource.InvalidImport;
import io.kefu.knowledge.internal.KnowledgeResource.NewArticle;
import io.kefu.knowledge.internal.KnowledgeService.ImportOutcome;
import io.kefu.testing.TestDatabase;
import io.kefu.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KnowledgeResourceTest {
    private static final NewArticle SHIPPING = new NewArticle("zh", "订单什么时候发货？", List.of("为什么还没发货"),
            "付款后48小时内发货。", List.of("物流"), null);

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    private static String code(Runnable call) {
        try {
            call.run();
            return null;
        } catch (ApiException e) {
            return e.code();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInvalidArticleIsAnsweredWithEveryFieldError(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            Response response = f.resource.create(new NewArticle("fr", " ", List.of("ok", "a|b"), null,
                    List.of("x".repeat(65)), "LIVE"), as(ANALYST));
            assertThat(response.getStatus()).isEqualTo(400);
            InvalidArticle body = (InvalidArticle) response.getEntity();
            assertThat(body.code()).isEqualTo("knowledge.invalid");
            assertThat(body.errors()).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("status", "language", "question", "alternativeQuestions", "answer", "tags");
            assertThat(f.knowledge.count(KnowledgeService.ArticleFilter.NONE)).isZero();

            Response created = f.resource.create(SHIPPING, as(ANALYST));
            assertThat(created.getStatus()).isEqualTo(201);
            KnowledgeArticle article = (KnowledgeArticle) created.getEntity();
            assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);

            Response noVersion = f.resource.update(article.id(), new ArticleEdit(null, "zh", "新问题", List.of(),
                    "新答案", List.of()), as(ANALYST));
            assertThat(noVersion.getStatus()).isEqualTo(400);
            assertThat(((InvalidArticle) noVersion.getEntity()).errors()).extracting(FieldError::field)
                    .containsExactly("version");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStaleEditIsAConflictAndAMissingArticleNotFound(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle article = (KnowledgeArticle) f.resource.create(SHIPPING, as(ANALYST)).getEntity();
            ArticleEdit edit = new ArticleEdit(1, "zh", "发货要多久？", List.of(), "三天内。", List.of());
            assertThat(f.resource.update(article.id(), edit, as(ANALYST)).getStatus()).isEqualTo(200);

            assertThat(status(() -> f.resource.update(article.id(), edit, as(ANALYST)))).isEqualTo(409);
            assertThat(code(() -> f.resource.update(article.id(), edit, as(ANALYST))))
                    .isEqualTo("knowledge.stale_version");
            assertThat(status(() -> f.resource.publish(article.id(), 1, as(ANALYST)))).isEqualTo(409);
            assertThat(status(() -> f.resource.delete(article.id(), 1, as(ANALYST)))).isEqualTo(409);
            assertThat(status(() -> f.resource.publish("missing", null, as(ANALYST)))).isEqualTo(404);
            assertThat(status(() -> f.resource.article("missing"))).isEqualTo(404);
            assertThat(status(() -> f.resource.version(article.id(), 5))).isEqualTo(404);

            ArticleDetail detail = f.resource.article(article.id());
            assertThat(detail.article().version()).isEqualTo(2);
            assertThat(detail.versions()).extracting(KnowledgeResource.VersionSummary::change)
                    .containsExactly("UPDATED", "CREATED");
            assertThat(f.resource.version(article.id(), 1).question()).isEqualTo("订单什么时候发货？");
            assertThat(f.resource.restore(article.id(), 1, 2, as(ANALYST)).question()).isEqualTo("订单什么时候发货？");
            assertThat(f.resource.versions(article.id())).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void agentsSearchPublishedArticlesAndAnalystsDraftsToo(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            KnowledgeArticle draft = (KnowledgeArticle) f.resource.create(SHIPPING, as(ANALYST)).getEntity();

            assertThat(f.resource.search("我的订单怎么还没发货", "zh", null, null, as(AGENT))).isEmpty();
            assertThat(status(() -> f.resource.search("发货", "zh", null, "DRAFT", as(AGENT)))).isEqualTo(403);
            assertThat(f.resource.search("我的订单怎么还没发货", "zh", 3, "any", as(ANALYST)))
                    .extracting(h -> h.article().id()).containsExactly(draft.id());

            f.resource.publish(draft.id(), 1, as(ANALYST));
            assertThat(f.resource.search("我的订单怎么还没发货", null, null, null, as(AGENT)))
                    .extracting(h -> h.article().id()).containsExactly(draft.id());
            assertThat(f.resource.related("还没发货", "zh", draft.id(), null, null, as(AGENT))).isEmpty();
            assertThat(f.resource.relatedToArticle(draft.id(), null, null, as(AGENT))).isEmpty();

            assertThat(code(() -> f.resource.search(" ", "zh", null, null, as(AGENT)))).isEqualTo("knowledge.query");
            assertThat(code(() -> f.resource.search("x".repeat(1001), "zh", null, null, as(AGENT))))
                    .isEqualTo("knowledge.query");
            assertThat(code(() -> f.resource.search("发货", "fr", null, null, as(AGENT))))
                    .isEqualTo("knowledge.language");
            assertThat(code(() -> f.resource.search("发货", "zh", 0, null, as(AGENT)))).isEqualTo("knowledge.limit");
            assertThat(code(() -> f.resource.search("发货", "zh", null, "gone", as(ANALYST))))
                    .isEqualTo("knowledge.status");
            assertThat(status(() -> f.resource.relatedToArticle("missing", null, null, as(AGENT)))).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anImportWithAnyInvalidRowImportsNothingAndSaysWhy(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            String csv = ArticleFiles.CSV_HEADER + "\n"
                    + ",zh,订单什么时候发货？,为什么还没发货,付款后48小时内发货。,物流,PUBLISHED\n"
                    + ",zh,缺答案的问题,,,,\n";
            Response refused = f.resource.importCsv(stream(csv), null, as(ANALYST));
            assertThat(refused.getStatus()).isEqualTo(400);
            InvalidImport body = (InvalidImport) refused.getEntity();
            assertThat(body.code()).isEqualTo("knowledge.import_invalid");
            assertThat(body.errors()).containsExactly(new RowError(3, "answer", "required"));
            assertThat(f.knowledge.count(KnowledgeService.ArticleFilter.NONE)).isZero();

            Response imported = f.resource.importCsv(stream(csv.substring(0, csv.lastIndexOf(",zh,缺"))), null,
                    as(ANALYST));
            assertThat(imported.getStatus()).isEqualTo(200);
            assertThat(imported.getEntity()).isEqualTo(new ImportOutcome(1, 0, 0));
            assertThat(f.resource.search("还没发货", "zh", null, null, as(AGENT))).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOversizedImportIsRefusedWith413(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            // The fixture allows 64 KiB and 100 articles.
            assertThat(code(() -> f.resource.importCsv(stream("language,question,answer\n"), 65L * 1024,
                    as(ANALYST)))).isEqualTo("knowledge.import_too_large");
            String big = "language,question,answer\n" + ("zh,问题,答案\n").repeat(5000);
            assertThat(status(() -> f.resource.importCsv(stream(big), null, as(ANALYST)))).isEqualTo(413);
            StringBuilder many = new StringBuilder("[");
            for (int i = 0; i < 101; i++) {
                many.append(i == 0 ? "" : ",").append("{\"language\":\"en\",\"question\":\"Q").append(i)
                        .append("\",\"answer\":\"A\"}");
            }
            assertThat(status(() -> f.resource.importJson(stream(many + "]"), null, as(ANALYST)))).isEqualTo(413);
            assertThat(f.knowledge.count(KnowledgeService.ArticleFilter.NONE)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExportImportsBackAsJsonAndCsv(TestDatabase database) throws Exception {
        try (KnowledgeFixture f = new KnowledgeFixture(database)) {
            f.resource.create(SHIPPING, as(ANALYST));
            f.resource.create(new NewArticle("en", "Refund, please?", List.of("Money back"), "Within \"5\" days,\nby card.",
                    List.of(), "PUBLISHED"), as(ANALYST));

            Response csv = f.resource.export("csv", null, null, null);
            assertThat(csv.getMediaType().toString()).startsWith("text/csv");
            assertThat(csv.getHeaderString("Content-Disposition")).contains("knowledge.csv");
            String text = new String((byte[]) csv.getEntity(), StandardCharsets.UTF_8);
            assertThat(text).startsWith(ArticleFiles.CSV_HEADER);
            assertThat(f.resource.importCsv(stream(text), null, as(ANALYST)).getEntity())
                    .isEqualTo(new ImportOutcome(0, 0, 2));

            Response json = f.resource.export(null, "PUBLISHED", null, null);
            String published = new String((byte[]) json.getEntity(), StandardCharsets.UTF_8);
            assertThat(published).contains("Refund, please?").doesNotContain("订单什么时候发货");
            assertThat(f.resource.importJson(stream(published), null, as(ANALYST)).getEntity())
                    .isEqualTo(new ImportOutcome(0, 0, 1));
            assertThat(code(() -> f.resource.export("xml", null, null, null))).isEqualTo("knowledge.format");
            assertThat(f.resource.rebuild(as(ANALYST)).articles()).isEqualTo(2);
        }
    }

    @Test
    void everyoneWhoAnswersCustomersSearchesButOnlyAnalystsAndAdminsWrite() throws Exception {
        Set<String> everyone = Set.of(Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN);
        Set<String> editors = Set.of(Roles.ANALYST, Roles.ADMIN);
        for (Method method : KnowledgeResource.class.getDeclaredMethods()) {
            if (!java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            RolesAllowed declared = method.getAnnotation(RolesAllowed.class) != null
                    ? method.getAnnotation(RolesAllowed.class)
                    : KnowledgeResource.class.getAnnotation(RolesAllowed.class);
            Set<String> roles = Set.copyOf(Arrays.asList(declared.value()));
            switch (method.getName()) {
                case "search", "related", "relatedToArticle" -> assertThat(roles).as(method.getName()).isEqualTo(everyone);
                case "rebuild" -> assertThat(roles).as(method.getName()).containsExactly(Roles.ADMIN);
                default -> assertThat(roles).as(method.getName()).isEqualTo(editors);
            }
        }
    }
}
