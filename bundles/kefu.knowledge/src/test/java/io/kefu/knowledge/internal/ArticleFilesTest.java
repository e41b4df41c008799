package io.kefu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.knowledge.internal.KnowledgeService.ImportRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleFilesTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<KnowledgeArticle> sample() {
        Instant at = Instant.parse("2026-11-21T08:00:00Z");
        return List.of(
                new KnowledgeArticle("faq-1", Locale.CHINESE, "订单什么时候发货？", List.of("为什么还没发货", "几天能发货"),
                        "付款后48小时内发货，\n节假日顺延。如有疑问请联系\"在线客服\"。", Set.of("物流", "订单"),
                        ArticleStatus.PUBLISHED, 3, at),
                new KnowledgeArticle("faq-2", Locale.ENGLISH, "How do I get a refund, quickly?", List.of(),
                        "Open the order, then \"Request refund\".", Set.of(), ArticleStatus.DRAFT, 1, at));
    }

    private static void assertSameContent(List<ImportRow> rows, List<KnowledgeArticle> articles) {
        assertThat(rows).hasSameSizeAs(articles);
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            KnowledgeArticle article = articles.get(i);
            assertThat(row.id()).isEqualTo(article.id());
            assertThat(row.status()).isEqualTo(article.status());
            assertThat(row.content()).isEqualTo(new ArticleContent(article.language(), article.question(),
                    article.alternativeQuestions(), article.answer(), article.tags()));
        }
    }

    @Test
    void csvWrittenByExportReadsBackUnchanged() {
        byte[] csv = ArticleFiles.writeCsv(sample());
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith(ArticleFiles.CSV_HEADER + "\n");
        ArticleFiles.Parsed parsed = ArticleFiles.readCsv(csv, 100);
        assertThat(parsed.errors()).isEmpty();
        assertSameContent(parsed.rows(), sample());
        // The multi-line answer of the first article puts the second one on line 4.
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2, 4);
    }

    @Test
    void jsonWrittenByExportReadsBackUnchanged() {
        byte[] json = ArticleFiles.writeJson(sample());
        ArticleFiles.Parsed parsed = ArticleFiles.readJson(json, 100);
        assertThat(parsed.errors()).isEmpty();
        assertSameContent(parsed.rows(), sample());
    }

    @Test
    void csvFromASpreadsheetWithByteOrderMarkAndOnlySomeColumnsIsRead() {
        String csv = "\uFEFFQuestion,Answer,Language,tags\n"
                + "怎么开发票,订单完成后申请,zh, 票据 | 财务 \n"
                + "\n"
                + "Reset password?,Use the link,en-US,\n";
        ArticleFiles.Parsed parsed = ArticleFiles.readCsv(utf8(csv), 100);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        ImportRow first = parsed.rows().get(0);
        assertThat(first.id()).isNull();
        assertThat(first.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(first.content().tags()).containsExactly("票据", "财务");
        assertThat(parsed.rows().get(1).content().language()).isEqualTo(Locale.ENGLISH);
        assertThat(parsed.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void everyInvalidRowIsReportedWithItsLineAndField() {
        String csv = ArticleFiles.CSV_HEADER + "\n"
                + "ok-1,zh,订单什么时候发货,,48小时内,,PUBLISHED\n"
                + "ok-1,zh,重复的编号,,答案,,\n"
                + ",fr,Où est ma commande,,Bientôt,,\n"
                + ",zh,,,没有问题的答案,,\n"
                + ",en,Question?,,,,LIVE\n"
                + ",zh,\"多行\n问题\",a|b,答案,x|y,\n"
                + "bad id!,zh,问题,,答案,,\n"
                + ",zh,问题,,答案,,,extra\n";
        ArticleFiles.Parsed parsed = ArticleFiles.readCsv(utf8(csv), 100);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).extracting(RowError::line, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "id"),
                org.assertj.core.groups.Tuple.tuple(4, "language"),
                org.assertj.core.groups.Tuple.tuple(5, "question"),
                org.assertj.core.groups.Tuple.tuple(6, "status"),
                org.assertj.core.groups.Tuple.tuple(6, "answer"),
                org.assertj.core.groups.Tuple.tuple(9, "id"),
                org.assertj.core.groups.Tuple.tuple(10, "row"));
        // The valid rows are still read, but an invalid file is imported not at all (see the service).
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2, 7);
    }

    @Test
    void aHeaderWithUnknownOrMissingColumnsRefusesTheFile() {
        ArticleFiles.Parsed parsed = ArticleFiles.readCsv(utf8("question,reply\nq,a\n"), 100);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::message)
                .anyMatch(m -> m.contains("unknown column 'reply'"))
                .anyMatch(m -> m.contains("missing column 'answer'"))
                .anyMatch(m -> m.contains("missing column 'language'"));
        assertThat(ArticleFiles.readCsv(new byte[0], 100).errors()).singleElement()
                .extracting(RowError::line).isEqualTo(1);
    }

    @Test
    void malformedCsvIsAnErrorOfTheFile() {
        ArticleFiles.Parsed parsed = ArticleFiles.readCsv(utf8("language,question,answer\nzh,\"不完整,答案\n"), 100);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).singleElement().extracting(RowError::field).isEqualTo("file");
    }

    @Test
    void invalidJsonEntriesAreReportedWithTheirLine() {
        String json = """
                [
                  {"language": "zh", "question": "发票", "answer": "可以开"},
                  {"language": "zh", "question": 7, "answer": "数字不是问题"},
                  {"language": "en", "question": "Tags?", "answer": "Yes", "tags": "one"},
                  {"language": "en", "question": "Extra?", "answer": "No", "colour": "red"},
                  "not an article"
                ]
                """;
        ArticleFiles.Parsed parsed = ArticleFiles.readJson(utf8(json), 100);
        assertThat(parsed.errors()).extracting(RowError::line, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "question"),
                org.assertj.core.groups.Tuple.tuple(4, "tags"),
                org.assertj.core.groups.Tuple.tuple(5, "colour"),
                org.assertj.core.groups.Tuple.tuple(6, "article"));
        assertThat(ArticleFiles.readJson(utf8("{\"question\": \"q\"}"), 100).errors()).singleElement()
                .extracting(RowError::message).asString().contains("JSON array");
        assertThat(ArticleFiles.readJson(utf8("[{\"question\": "), 100).errors()).singleElement()
                .extracting(RowError::field).isEqualTo("file");
    }

    @Test
    void moreRowsThanAllowedIsRefusedWhole() {
        StringBuilder csv = new StringBuilder("language,question,answer\n");
        for (int i = 0; i < 6; i++) {
            csv.append("zh,问题").append(i).append(",答案\n");
        }
        assertThatThrownBy(() -> ArticleFiles.readCsv(utf8(csv.toString()), 5))
                .isInstanceOf(ArticleFiles.TooManyRows.class);
        assertThat(ArticleFiles.readCsv(utf8(csv.toString()), 6).rows()).hasSize(6);
    }
}
