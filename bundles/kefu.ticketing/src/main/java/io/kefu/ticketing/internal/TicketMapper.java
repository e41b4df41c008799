package io.kefu.ticketing.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the ticket* tables. */
public interface TicketMapper {
    /** A ticket row; {@code id} is filled in by the database on insert. */
    final class TicketRow {
        public Long id;
        public String type;
        public String subject;
        public String description;
        public String priority;
        public String status;
        public String customerId;
        public String assigneeId;
        public String teamId;
        public String source;
        public String createdBy;
        public String processInstanceId;
        public int reopenCount;
        public Instant createdAt;
        public Instant updatedAt;
        public Instant firstResponseAt;
        public Instant resolvedAt;
        public Instant closedAt;
        /** When the lifecycle's SLA timer fires next (see V2__sla_timer.sql). */
        public Instant slaCheckAt;
    }

    record FieldRow(long ticketId, String fieldName, String fieldValue) {
    }

    record CommentRow(String id, long ticketId, String authorId, String authorName, String body, boolean publicReply,
            Instant createdAt) {
    }

    record AttachmentRow(String id, long ticketId, String fileName, String contentType, long sizeBytes, String url,
            String addedBy, Instant createdAt) {
    }

    record HistoryRow(long id, long ticketId, Instant atTime, String actor, String kind, String detail) {
    }

    record SlaRow(long ticketId, String target, String policy, long targetMs, long consumedMs, Instant runningSince,
            String state, Instant dueAt, Instant warnAt, Instant metAt, Instant breachedAt, Instant startedAt,
            Instant updatedAt) {
        SlaRow forTicket(long id) {
            return new SlaRow(id, target, policy, targetMs, consumedMs, runningSince, state, dueAt, warnAt, metAt,
                    breachedAt, startedAt, updatedAt);
        }
    }

    record LinkRow(long ticketId, String conversationId) {
    }

    record CountRow(String status, long count, long under1h, long under8h, long under24h, long under3d, long older) {
    }

    record SlaCountRow(String target, String state, long count) {
    }

    String COLUMNS = "id, type, subject, description, priority, status, customer_id, assignee_id, team_id, source,"
            + " created_by, process_instance_id, reopen_count, created_at, updated_at, first_response_at, resolved_at,"
            + " closed_at, sla_check_at";

    @Insert("INSERT INTO ticket (type, subject, description, priority, status, customer_id, assignee_id, team_id,"
            + " source, created_by, reopen_count, created_at, updated_at, sla_check_at) VALUES (#{type}, #{subject},"
            + " #{description}, #{priority}, #{status}, #{customerId}, #{assigneeId}, #{teamId}, #{source},"
            + " #{createdBy}, 0, #{createdAt}, #{updatedAt}, #{slaCheckAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(TicketRow row);

    @Select("SELECT " + COLUMNS + " FROM ticket WHERE id = #{id}")
    TicketRow find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM ticket WHERE id = #{id} FOR UPDATE")
    TicketRow lock(@Param("id") long id);

    @Update("UPDATE ticket SET type = #{type}, subject = #{subject}, description = #{description},"
            + " priority = #{priority}, status = #{status}, customer_id = #{customerId}, assignee_id = #{assigneeId},"
            + " team_id = #{teamId}, process_instance_id = #{processInstanceId}, reopen_count = #{reopenCount},"
            + " updated_at = #{updatedAt}, first_response_at = #{firstResponseAt}, resolved_at = #{resolvedAt},"
            + " closed_at = #{closedAt}, sla_check_at = #{slaCheckAt} WHERE id = #{id}")
    void update(TicketRow row);

    @Select("<script>SELECT " + COLUMNS + " FROM ticket t WHERE 1 = 1"
            + "<if test='status != null'> AND t.status = #{status}</if>"
            + "<if test='open'> AND t.status NOT IN ('RESOLVED', 'CLOSED')</if>"
            + "<if test='assignee != null'> AND t.assignee_id = #{assignee}</if>"
            + "<if test='team != null'> AND t.team_id = #{team}</if>"
            + "<if test='customer != null'> AND t.customer_id = #{customer}</if>"
            + "<if test='text != null'> AND (LOWER(t.subject) LIKE #{text} OR CAST(t.id AS CHAR) = #{number})</if>"
            + " ORDER BY t.updated_at DESC, t.id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<TicketRow> list(@Param("status") String status, @Param("open") boolean open,
            @Param("assignee") String assignee, @Param("team") String team, @Param("customer") String customer,
            @Param("text") String text, @Param("number") String number, @Param("offset") int offset,
            @Param("limit") int limit);

    @Select("SELECT " + COLUMNS + " FROM ticket t WHERE t.id IN (SELECT ticket_id FROM ticket_conversation"
            + " WHERE conversation_id = #{conversation}) ORDER BY t.id DESC")
    List<TicketRow> forConversation(@Param("conversation") String conversationId);

    // ------------------------------------------------------------------ links, fields, comments, attachments

    @Insert("INSERT INTO ticket_conversation (ticket_id, conversation_id, linked_at) VALUES (#{ticket}, #{conversation},"
            + " #{at})")
    void link(@Param("ticket") long ticketId, @Param("conversation") String conversationId, @Param("at") Instant at);

    @Select("SELECT ticket_id, conversation_id FROM ticket_conversation WHERE ticket_id = #{ticket} ORDER BY linked_at")
    List<LinkRow> links(@Param("ticket") long ticketId);

    @Select("SELECT ticket_id, field_name, field_value FROM ticket_field WHERE ticket_id = #{ticket} ORDER BY field_name")
    List<FieldRow> fields(@Param("ticket") long ticketId);

    @Delete("DELETE FROM ticket_field WHERE ticket_id = #{ticket} AND field_name = #{name}")
    void deleteField(@Param("ticket") long ticketId, @Param("name") String name);

    @Insert("INSERT INTO ticket_field (ticket_id, field_name, field_value) VALUES (#{ticketId}, #{fieldName}, #{fieldValue})")
    void insertField(FieldRow row);

    @Insert("INSERT INTO ticket_comment (id, ticket_id, author_id, author_name, body, public_reply, created_at)"
            + " VALUES (#{id}, #{ticketId}, #{authorId}, #{authorName}, #{body}, #{publicReply}, #{createdAt})")
    void insertComment(CommentRow row);

    @Select("SELECT id, ticket_id, author_id, author_name, body, public_reply, created_at FROM ticket_comment"
            + " WHERE ticket_id = #{ticket} ORDER BY created_at, id")
    List<CommentRow> comments(@Param("ticket") long ticketId);

    @Insert("INSERT INTO ticket_attachment (id, ticket_id, file_name, content_type, size_bytes, url, added_by,"
            + " created_at) VALUES (#{id}, #{ticketId}, #{fileName}, #{contentType}, #{sizeBytes}, #{url}, #{addedBy},"
            + " #{createdAt})")
    void insertAttachment(AttachmentRow row);

    @Select("SELECT id, ticket_id, file_name, content_type, size_bytes, url, added_by, created_at"
            + " FROM ticket_attachment WHERE ticket_id = #{ticket} ORDER BY created_at, id")
    List<AttachmentRow> attachments(@Param("ticket") long ticketId);

    @Insert("INSERT INTO ticket_history (ticket_id, at_time, actor, kind, detail) VALUES (#{ticket}, #{at}, #{actor},"
            + " #{kind}, #{detail})")
    void history(@Param("ticket") long ticketId, @Param("at") Instant at, @Param("actor") String actor,
            @Param("kind") String kind, @Param("detail") String detail);

    @Select("SELECT id, ticket_id, at_time, actor, kind, detail FROM ticket_history WHERE ticket_id = #{ticket}"
            + " ORDER BY at_time, id")
    List<HistoryRow> historyOf(@Param("ticket") long ticketId);

    // ------------------------------------------------------------------ SLAs

    String SLA_COLUMNS = "ticket_id, target, policy, target_ms, consumed_ms, running_since, state, due_at, warn_at,"
            + " met_at, breached_at, started_at, updated_at";

    @Insert("INSERT INTO ticket_sla (" + SLA_COLUMNS + ") VALUES (#{ticketId}, #{target}, #{policy}, #{targetMs},"
            + " #{consumedMs}, #{runningSince}, #{state}, #{dueAt}, #{warnAt}, #{metAt}, #{breachedAt}, #{startedAt},"
            + " #{updatedAt})")
    void insertSla(SlaRow row);

    @Update("UPDATE ticket_sla SET policy = #{policy}, target_ms = #{targetMs}, consumed_ms = #{consumedMs},"
            + " running_since = #{runningSince}, state = #{state}, due_at = #{dueAt}, warn_at = #{warnAt},"
            + " met_at = #{metAt}, breached_at = #{breachedAt}, updated_at = #{updatedAt}"
            + " WHERE ticket_id = #{ticketId} AND target = #{target}")
    void updateSla(SlaRow row);

    @Delete("DELETE FROM ticket_sla WHERE ticket_id = #{ticket} AND target = #{target}")
    void deleteSla(@Param("ticket") long ticketId, @Param("target") String target);

    @Select("SELECT " + SLA_COLUMNS + " FROM ticket_sla WHERE ticket_id = #{ticket} ORDER BY target")
    List<SlaRow> slas(@Param("ticket") long ticketId);

    @Select("SELECT " + SLA_COLUMNS + " FROM ticket_sla WHERE ticket_id = #{ticket} AND target = #{target}")
    SlaRow sla(@Param("ticket") long ticketId, @Param("target") String target);

    // ------------------------------------------------------------------ metrics

    /**
     * Open tickets by status and age. The age limits come as parameters compared with the column: a parameter in
     * arithmetic ({@code ? - 3600000}) is typed by H2 from the literal, an INTEGER, which epoch milliseconds
     * overflow once H2 reuses the parsed statement.
     */
    @Select("SELECT status, COUNT(*) AS count,"
            + " SUM(CASE WHEN created_at >= #{h1} THEN 1 ELSE 0 END) AS under1h,"
            + " SUM(CASE WHEN created_at < #{h1} AND created_at >= #{h8} THEN 1 ELSE 0 END) AS under8h,"
            + " SUM(CASE WHEN created_at < #{h8} AND created_at >= #{h24} THEN 1 ELSE 0 END) AS under24h,"
            + " SUM(CASE WHEN created_at < #{h24} AND created_at >= #{d3} THEN 1 ELSE 0 END) AS under3d,"
            + " SUM(CASE WHEN created_at < #{d3} THEN 1 ELSE 0 END) AS older"
            + " FROM ticket WHERE status NOT IN ('CLOSED') GROUP BY status")
    List<CountRow> openByStatus(@Param("h1") long hourAgo, @Param("h8") long eightHoursAgo,
            @Param("h24") long dayAgo, @Param("d3") long threeDaysAgo);

    @Select("SELECT target, state, COUNT(*) AS count FROM ticket_sla WHERE started_at >= #{from} GROUP BY target, state")
    List<SlaCountRow> slaCounts(@Param("from") Instant from);
}
