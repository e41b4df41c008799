package io.kefu.security.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

interface SessionMapper {
    /** A live session joined with its user. */
    record SessionRow(String userId, Instant lastSeenAt, Instant expiresAt, Instant createdAt) {
    }

    @Insert("INSERT INTO kefu_session (token_hash, user_id, created_at, last_seen_at, expires_at)"
            + " VALUES (#{hash}, #{userId}, #{at}, #{at}, #{expiresAt})")
    void insert(@Param("hash") String tokenHash, @Param("userId") String userId, @Param("at") Instant at,
            @Param("expiresAt") Instant expiresAt);

    @Select("SELECT user_id, last_seen_at, expires_at, created_at FROM kefu_session WHERE token_hash = #{hash}")
    SessionRow byHash(@Param("hash") String tokenHash);

    @Update("UPDATE kefu_session SET last_seen_at = #{at}, expires_at = #{expiresAt} WHERE token_hash = #{hash}")
    void touch(@Param("hash") String tokenHash, @Param("at") Instant at, @Param("expiresAt") Instant expiresAt);

    @Delete("DELETE FROM kefu_session WHERE token_hash = #{hash}")
    void delete(@Param("hash") String tokenHash);

    @Delete("DELETE FROM kefu_session WHERE user_id = #{userId}")
    int deleteForUser(@Param("userId") String userId);

    @Delete("DELETE FROM kefu_session WHERE expires_at < #{now}")
    int deleteExpired(@Param("now") Instant now);
}
