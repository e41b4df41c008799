package io.kefu.security.internal;

import io.kefu.api.security.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

interface AuditMapper {
    @Insert("INSERT INTO kefu_audit (at, actor, action, target, detail) VALUES (#{at}, #{actor}, #{action}, #{target}, #{detail})")
    void insert(@Param("at") Instant at, @Param("actor") String actor, @Param("action") String action,
            @Param("target") String target, @Param("detail") String detail);

    @Select("SELECT id, at, actor, action, target, detail FROM kefu_audit ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<AuditEntry> recent(@Param("offset") int offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM kefu_audit")
    long count();
}
