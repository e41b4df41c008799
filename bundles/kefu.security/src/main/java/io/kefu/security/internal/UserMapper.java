package io.kefu.security.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

interface UserMapper {
    String COLUMNS = "id, username, display_name, password_hash, roles, enabled, must_change_password, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM kefu_user WHERE username = #{username}")
    UserRow byUsername(@Param("username") String username);

    @Select("SELECT " + COLUMNS + " FROM kefu_user WHERE id = #{id}")
    UserRow byId(@Param("id") String id);

    @Select("SELECT " + COLUMNS + " FROM kefu_user ORDER BY username LIMIT #{limit} OFFSET #{offset}")
    List<UserRow> page(@Param("offset") int offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM kefu_user")
    long count();

    @Insert("INSERT INTO kefu_user (" + COLUMNS + ") VALUES (#{id}, #{username}, #{displayName}, #{passwordHash},"
            + " #{roles}, #{enabled}, #{mustChangePassword}, #{createdAt}, #{updatedAt})")
    void insert(UserRow user);

    @Update("UPDATE kefu_user SET display_name = #{displayName}, roles = #{roles}, enabled = #{enabled},"
            + " updated_at = #{updatedAt} WHERE id = #{id}")
    int update(@Param("id") String id, @Param("displayName") String displayName, @Param("roles") String roles,
            @Param("enabled") boolean enabled, @Param("updatedAt") Instant updatedAt);

    @Update("UPDATE kefu_user SET password_hash = #{hash}, must_change_password = #{mustChange}, updated_at = #{at}"
            + " WHERE id = #{id}")
    int setPassword(@Param("id") String id, @Param("hash") String hash, @Param("mustChange") boolean mustChange,
            @Param("at") Instant at);
}
