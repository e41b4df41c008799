package io.kefu.bot.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the bot_session table. */
public interface BotMapper {
    /** A row of bot_session; {@code tried} holds one entry per line. */
    record SessionRow(String conversationId, int failedTurns, String askedSlot, String pendingQuestion, String tried,
            String handoffReason, Instant handedOffAt, Instant updatedAt) {
    }

    @Select("SELECT conversation_id, failed_turns, asked_slot, pending_question, tried, handoff_reason, handed_off_at,"
            + " updated_at FROM bot_session WHERE conversation_id = #{id}")
    SessionRow session(@Param("id") String conversationId);

    @Insert("INSERT INTO bot_session (conversation_id, failed_turns, asked_slot, pending_question, tried,"
            + " handoff_reason, handed_off_at, updated_at) VALUES (#{conversationId}, #{failedTurns}, #{askedSlot},"
            + " #{pendingQuestion}, #{tried}, #{handoffReason}, #{handedOffAt}, #{updatedAt})")
    void insert(SessionRow row);

    @Update("UPDATE bot_session SET failed_turns = #{failedTurns}, asked_slot = #{askedSlot},"
            + " pending_question = #{pendingQuestion}, tried = #{tried}, handoff_reason = #{handoffReason},"
            + " handed_off_at = #{handedOffAt}, updated_at = #{updatedAt} WHERE conversation_id = #{conversationId}")
    int update(SessionRow row);
}
