package io.kefu.knowledge.internal;

import io.kefu.knowledge.internal.Rows.ArticleRow;
import io.kefu.knowledge.internal.Rows.VersionRow;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** All SQL of the knowledge bundle; the same statements run on H2 and MySQL/MariaDB. */
interface KnowledgeMapper {
    String ARTICLE_COLUMNS = "id, language, question, alternative_questions, answer, tags, status, version,"
            + " created_at, created_by, updated_at, updated_by";

    /**
     * The filters of the analysts' list, each optional. {@code pattern} is a LIKE pattern (already lower-case and
     * escaped with '!') matched against the question, the alternatives and the answer.
     */
    String FILTERS = "<where>"
            + "<if test='status != null'> AND a.status = #{status} </if>"
            + "<if test='language != null'> AND a.language = #{language} </if>"
            + "<if test='tag != null'> AND EXISTS (SELECT 1 FROM kb_article_tag t WHERE t.article_id = a.id"
            + " AND t.tag = #{tag}) </if>"
            + "<if test='pattern != null'> AND (LOWER(a.question) LIKE #{pattern} ESCAPE '!'"
            + " OR LOWER(a.alternative_questions) LIKE #{pattern} ESCAPE '!'"
            + " OR LOWER(a.answer) LIKE #{pattern} ESCAPE '!') </if>"
            + "</where>";

    @Insert("INSERT INTO kb_article (" + ARTICLE_COLUMNS + ") VALUES (#{id}, #{language}, #{question},"
            + " #{alternativeQuestions}, #{answer}, #{tags}, #{status}, #{version}, #{createdAt}, #{createdBy},"
            + " #{updatedAt}, #{updatedBy})")
    void insertArticle(ArticleRow article);

    /** Saves the next version of an article, only if the stored one is still {@code previousVersion}. */
    @Update("UPDATE kb_article SET language = #{a.language}, question = #{a.question},"
            + " alternative_questions = #{a.alternativeQuestions}, answer = #{a.answer}, tags = #{a.tags},"
            + " status = #{a.status}, version = #{a.version}, updated_at = #{a.updatedAt}, updated_by = #{a.updatedBy}"
            + " WHERE id = #{a.id} AND version = #{previousVersion}")
    int updateArticle(@Param("a") ArticleRow article, @Param("previousVersion") int previousVersion);

    @Select("SELECT " + ARTICLE_COLUMNS + " FROM kb_article WHERE id = #{id}")
    ArticleRow article(@Param("id") String id);

    @Select("<script>SELECT " + ARTICLE_COLUMNS + " FROM kb_article a" + FILTERS
            + " ORDER BY a.updated_at DESC, a.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<ArticleRow> articles(@Param("status") String status, @Param("language") String language,
            @Param("tag") String tag, @Param("pattern") String pattern, @Param("offset") int offset,
            @Param("limit") int limit);

    @Select("<script>SELECT COUNT(*) FROM kb_article a" + FILTERS + "</script>")
    long articleCount(@Param("status") String status, @Param("language") String language, @Param("tag") String tag,
            @Param("pattern") String pattern);

    /** A page of every article in id order, for rebuilding the index and exporting without holding all at once. */
    @Select("<script>SELECT " + ARTICLE_COLUMNS + " FROM kb_article"
            + "<if test='after != null'> WHERE id &gt; #{after} </if> ORDER BY id LIMIT #{limit}</script>")
    List<ArticleRow> articlesAfter(@Param("after") String afterId, @Param("limit") int limit);

    @Delete("DELETE FROM kb_article WHERE id = #{id}")
    int deleteArticle(@Param("id") String id);

    @Insert("INSERT INTO kb_article_tag (article_id, tag) VALUES (#{articleId}, #{tag})")
    void insertTag(@Param("articleId") String articleId, @Param("tag") String tag);

    @Delete("DELETE FROM kb_article_tag WHERE article_id = #{articleId}")
    void deleteTags(@Param("articleId") String articleId);

    @Insert("INSERT INTO kb_article_version (article_id, version, change_kind, restored_from, language, question,"
            + " alternative_questions, answer, tags, status, edited_by, edited_at) VALUES (#{articleId}, #{version},"
            + " #{changeKind}, #{restoredFrom}, #{language}, #{question}, #{alternativeQuestions}, #{answer}, #{tags},"
            + " #{status}, #{editedBy}, #{editedAt})")
    void insertVersion(VersionRow version);

    String VERSION_COLUMNS = "article_id, version, change_kind, restored_from, language, question,"
            + " alternative_questions, answer, tags, status, edited_by, edited_at";

    @Select("SELECT " + VERSION_COLUMNS + " FROM kb_article_version WHERE article_id = #{articleId}"
            + " ORDER BY version DESC")
    List<VersionRow> versions(@Param("articleId") String articleId);

    @Select("SELECT " + VERSION_COLUMNS + " FROM kb_article_version WHERE article_id = #{articleId}"
            + " AND version = #{version}")
    VersionRow version(@Param("articleId") String articleId, @Param("version") int version);

    @Delete("DELETE FROM kb_article_version WHERE article_id = #{articleId}")
    void deleteVersions(@Param("articleId") String articleId);
}
