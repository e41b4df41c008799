package io.kefu.store.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** A mapper like the ones bundles register: annotations, records as results. */
public interface NoteMapper {
    record Note(long id, String author, String body, Instant createdAt) {
    }

    @Insert("INSERT INTO storetest_note (author, body, created_at) VALUES (#{author}, #{body}, #{createdAt})")
    int insert(@Param("author") String author, @Param("body") String body, @Param("createdAt") Instant createdAt);

    @Select("SELECT id, author, body, created_at FROM storetest_note WHERE author = #{author} ORDER BY id")
    List<Note> byAuthor(@Param("author") String author);

    @Select(value = "SELECT 'h2'", databaseId = "h2")
    @Select(value = "SELECT 'mysql'", databaseId = "mysql")
    String dialect();
}
