package io.kefu.itest;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** An annotated mapper of the test bundle, for its own table (db/migration/itest). */
public interface GreetingMapper {
    record Greeting(String id, String body, Instant saidAt) {
    }

    @Insert("INSERT INTO itest_greeting (id, body, said_at) VALUES (#{id}, #{body}, #{saidAt})")
    int insert(@Param("id") String id, @Param("body") String body, @Param("saidAt") Instant saidAt);

    @Select("SELECT id, body, said_at FROM itest_greeting WHERE id = #{id}")
    Greeting byId(@Param("id") String id);

    /** Flyway's history of this schema: the SQL files it applied (not bookkeeping rows such as a baseline). */
    @Select("SELECT script FROM kefu_schema_itest WHERE type = 'SQL' AND success = TRUE ORDER BY installed_rank")
    List<String> appliedScripts();
}
