package io.kefu.conversation.internal;

import io.kefu.conversation.internal.Rows.ConversationRow;
import io.kefu.conversation.internal.Rows.CustomerRow;
import io.kefu.conversation.internal.Rows.IdentityRow;
import io.kefu.conversation.internal.Rows.InboxRow;
import io.kefu.conversation.internal.Rows.MessageRow;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** All SQL of the conversation bundle; the same statements run on H2 and MySQL/MariaDB. */
interface ConversationMapper {
    // ---- customers and identities ----

    @Insert("INSERT INTO conv_customer (id, display_name, tier, merged_into, created_at, updated_at)"
            + " VALUES (#{id}, #{displayName}, #{tier}, #{mergedInto}, #{createdAt}, #{updatedAt})")
    void insertCustomer(CustomerRow customer);

    @Select("SELECT id, display_name, tier, merged_into, created_at, updated_at FROM conv_customer WHERE id = #{id}")
    CustomerRow customer(@Param("id") String id);

    @Insert("INSERT INTO conv_identity (id, customer_id, kind, identity_value, verified, created_at)"
            + " VALUES (#{id}, #{customerId}, #{kind}, #{identityValue}, #{verified}, #{createdAt})")
    void insertIdentity(IdentityRow identity);

    @Select("SELECT id, customer_id, kind, identity_value, verified, created_at FROM conv_identity"
            + " WHERE kind = #{kind} AND identity_value = #{value}")
    IdentityRow identity(@Param("kind") String kind, @Param("value") String value);

    @Select("SELECT id, customer_id, kind, identity_value, verified, created_at FROM conv_identity"
            + " WHERE customer_id = #{customerId} ORDER BY created_at, id")
    List<IdentityRow> identitiesOf(@Param("customerId") String customerId);

    @Update("UPDATE conv_identity SET verified = TRUE WHERE id = #{id}")
    void markVerified(@Param("id") String id);

    @Select("SELECT tag FROM conv_customer_tag WHERE customer_id = #{customerId} ORDER BY tag")
    List<String> tagsOf(@Param("customerId") String customerId);

    @Insert("INSERT INTO conv_customer_tag (customer_id, tag) VALUES (#{customerId}, #{tag})")
    void insertTag(@Param("customerId") String customerId, @Param("tag") String tag);

    @org.apache.ibatis.annotations.Delete("DELETE FROM conv_customer_tag WHERE customer_id = #{customerId}")
    void deleteTags(@Param("customerId") String customerId);

    @Update("UPDATE conv_identity SET customer_id = #{customerId} WHERE id = #{id}")
    void moveIdentity(@Param("id") String identityId, @Param("customerId") String customerId);

    @Update("UPDATE conv_conversation SET customer_id = #{customerId} WHERE id = #{id}")
    void moveConversation(@Param("id") String conversationId, @Param("customerId") String customerId);

    @Update("UPDATE conv_customer SET merged_into = #{into}, updated_at = #{at} WHERE id = #{id}")
    void setMergedInto(@Param("id") String customerId, @Param("into") String into, @Param("at") Instant at);

    @Insert("INSERT INTO conv_merge (id, source_id, target_id, identity_ids, conversation_ids, actor, merged_at)"
            + " VALUES (#{id}, #{sourceId}, #{targetId}, #{identityIds}, #{conversationIds}, #{actor}, #{mergedAt})")
    void insertMerge(Rows.MergeRow merge);

    @Select("SELECT id, source_id, target_id, identity_ids, conversation_ids, actor, merged_at, undone_at FROM conv_merge"
            + " WHERE id = #{id}")
    Rows.MergeRow merge(@Param("id") String id);

    @Select("SELECT id, source_id, target_id, identity_ids, conversation_ids, actor, merged_at, undone_at FROM conv_merge"
            + " WHERE source_id = #{customerId} OR target_id = #{customerId} ORDER BY merged_at DESC")
    List<Rows.MergeRow> mergesOf(@Param("customerId") String customerId);

    @Update("UPDATE conv_merge SET undone_at = #{at} WHERE id = #{id} AND undone_at IS NULL")
    int undoMerge(@Param("id") String id, @Param("at") Instant at);

    // ---- macros ----

    @Select("SELECT id, title, body, updated_by, updated_at FROM conv_macro ORDER BY title, id")
    List<Rows.MacroRow> macros();

    @Insert("INSERT INTO conv_macro (id, title, body, updated_by, updated_at) VALUES (#{id}, #{title}, #{body},"
            + " #{updatedBy}, #{updatedAt})")
    void insertMacro(Rows.MacroRow macro);

    @Update("UPDATE conv_macro SET title = #{title}, body = #{body}, updated_by = #{updatedBy}, updated_at = #{updatedAt}"
            + " WHERE id = #{id}")
    int updateMacro(Rows.MacroRow macro);

    @org.apache.ibatis.annotations.Delete("DELETE FROM conv_macro WHERE id = #{id}")
    int deleteMacro(@Param("id") String id);

    // ---- conversations ----

    String CONVERSATION_COLUMNS = "id, customer_id, channel, status, handling, queue_id, assignee_id, subject,"
            + " contact_kind, contact_value, opened_at, updated_at, last_message_at";

    @Insert("INSERT INTO conv_conversation (" + CONVERSATION_COLUMNS + ") VALUES (#{id}, #{customerId}, #{channel},"
            + " #{status}, #{handling}, #{queueId}, #{assigneeId}, #{subject}, #{contactKind}, #{contactValue},"
            + " #{openedAt}, #{updatedAt}, #{lastMessageAt})")
    void insertConversation(ConversationRow conversation);

    @Select("SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation WHERE id = #{id}")
    ConversationRow conversation(@Param("id") String id);

    /** The customer's most recent conversation on a channel that is still going or was resolved lately. */
    @Select("SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation WHERE customer_id = #{customerId}"
            + " AND channel = #{channel} AND (status IN ('OPEN', 'PENDING') OR (status = 'RESOLVED'"
            + " AND updated_at >= #{resolvedSince})) ORDER BY last_message_at DESC LIMIT 1")
    ConversationRow current(@Param("customerId") String customerId, @Param("channel") String channel,
            @Param("resolvedSince") Instant resolvedSince);

    @Select("SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation WHERE customer_id = #{customerId}"
            + " ORDER BY last_message_at DESC")
    List<ConversationRow> conversationsOf(@Param("customerId") String customerId);

    @Update("UPDATE conv_conversation SET last_message_at = #{at}, updated_at = #{at}, status = #{status}"
            + " WHERE id = #{id}")
    void touch(@Param("id") String id, @Param("at") Instant at, @Param("status") String status);

    @Update("UPDATE conv_conversation SET assignee_id = #{assignee}, handling = #{handling}, updated_at = #{at}"
            + " WHERE id = #{id}")
    void assign(@Param("id") String id, @Param("assignee") String assigneeId, @Param("handling") String handling,
            @Param("at") Instant at);

    @Update("UPDATE conv_conversation SET queue_id = #{queue}, updated_at = #{at} WHERE id = #{id}")
    void setQueue(@Param("id") String id, @Param("queue") String queueId, @Param("at") Instant at);

    @Update("UPDATE conv_conversation SET handling = #{handling}, updated_at = #{at} WHERE id = #{id}")
    void setHandling(@Param("id") String id, @Param("handling") String handling, @Param("at") Instant at);

    @Update("UPDATE conv_conversation SET status = #{status}, updated_at = #{at} WHERE id = #{id}")
    void setStatus(@Param("id") String id, @Param("status") String status, @Param("at") Instant at);

    /**
     * The inbox: newest activity first, filtered by assignee ("mine"), by having none ("unassigned"), by channel
     * and by status; every filter is optional.
     */
    @Select("<script>SELECT c.id, c.customer_id, k.display_name AS customer_name, c.channel, c.status, c.handling,"
            + " c.assignee_id, c.subject, c.last_message_at,"
            + " (SELECT m.body FROM conv_message m WHERE m.conversation_id = c.id AND m.direction != 'INTERNAL_NOTE'"
            + " ORDER BY m.seq DESC LIMIT 1) AS last_message"
            + " FROM conv_conversation c JOIN conv_customer k ON k.id = c.customer_id"
            + "<where>"
            + "<if test='assignee != null'> AND c.assignee_id = #{assignee} </if>"
            + "<if test='unassigned'> AND c.assignee_id IS NULL </if>"
            + "<if test='channel != null'> AND c.channel = #{channel} </if>"
            + "<if test='status != null'> AND c.status = #{status} </if>"
            + "</where> ORDER BY c.last_message_at DESC, c.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<InboxRow> inbox(@Param("assignee") String assignee, @Param("unassigned") boolean unassigned,
            @Param("channel") String channel, @Param("status") String status, @Param("offset") int offset,
            @Param("limit") int limit);

    @Select("<script>SELECT COUNT(*) FROM conv_conversation c<where>"
            + "<if test='assignee != null'> AND c.assignee_id = #{assignee} </if>"
            + "<if test='unassigned'> AND c.assignee_id IS NULL </if>"
            + "<if test='channel != null'> AND c.channel = #{channel} </if>"
            + "<if test='status != null'> AND c.status = #{status} </if>"
            + "</where></script>")
    long inboxCount(@Param("assignee") String assignee, @Param("unassigned") boolean unassigned,
            @Param("channel") String channel, @Param("status") String status);

    // ---- messages ----

    String MESSAGE_COLUMNS = "seq, id, conversation_id, direction, channel, channel_message_id, body, author_id,"
            + " attachments, delivery, delivery_error, sent_at";

    @Insert("INSERT INTO conv_message (id, conversation_id, direction, channel, channel_message_id, body, author_id,"
            + " attachments, delivery, delivery_error, sent_at) VALUES (#{id}, #{conversationId}, #{direction},"
            + " #{channel}, #{channelMessageId}, #{body}, #{authorId}, #{attachments}, #{delivery},"
            + " #{deliveryError}, #{sentAt})")
    @Options(useGeneratedKeys = false)
    void insertMessage(MessageRow message);

    @Select("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE channel = #{channel}"
            + " AND channel_message_id = #{channelMessageId}")
    MessageRow messageByChannelId(@Param("channel") String channel, @Param("channelMessageId") String channelMessageId);

    @Select("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE id = #{id}")
    MessageRow message(@Param("id") String id);

    @Select("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE conversation_id = #{conversationId}"
            + " ORDER BY seq LIMIT #{limit} OFFSET #{offset}")
    List<MessageRow> messages(@Param("conversationId") String conversationId, @Param("offset") int offset,
            @Param("limit") int limit);

    @Select("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE conversation_id = #{conversationId}"
            + " ORDER BY seq DESC LIMIT #{limit}")
    List<MessageRow> latestMessages(@Param("conversationId") String conversationId, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM conv_message WHERE conversation_id = #{conversationId}")
    long messageCount(@Param("conversationId") String conversationId);

    @Select("SELECT COUNT(*) FROM conv_message m JOIN conv_conversation c ON c.id = m.conversation_id"
            + " WHERE c.customer_id = #{customerId}")
    long timelineCount(@Param("customerId") String customerId);

    /** The customer's timeline: every message of every conversation, across channels, oldest first. */
    @Select("SELECT m.seq, m.id, m.conversation_id, m.direction, m.channel, m.channel_message_id, m.body,"
            + " m.author_id, m.attachments, m.delivery, m.delivery_error, m.sent_at FROM conv_message m"
            + " JOIN conv_conversation c ON c.id = m.conversation_id WHERE c.customer_id = #{customerId}"
            + " ORDER BY m.sent_at, m.seq LIMIT #{limit} OFFSET #{offset}")
    List<MessageRow> timeline(@Param("customerId") String customerId, @Param("offset") int offset,
            @Param("limit") int limit);

    @Select("SELECT channel_message_id FROM conv_message WHERE conversation_id = #{conversationId}"
            + " AND direction = 'INBOUND' AND channel_message_id IS NOT NULL ORDER BY seq DESC LIMIT 1")
    String lastInboundChannelId(@Param("conversationId") String conversationId);

    @Select("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE delivery = 'PENDING' ORDER BY seq")
    List<MessageRow> pendingDeliveries();

    /** The dead letters: replies no channel could deliver, newest first. */
    @Select("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE delivery = 'FAILED' ORDER BY seq DESC"
            + " LIMIT #{limit} OFFSET #{offset}")
    List<MessageRow> failedDeliveries(@Param("offset") int offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM conv_message WHERE delivery = 'FAILED'")
    long failedDeliveryCount();

    /** Puts a failed reply back in line; true when it was failed. */
    @Update("UPDATE conv_message SET delivery = 'PENDING', delivery_error = NULL WHERE id = #{id} AND delivery = 'FAILED'")
    int retry(@Param("id") String id);

    @Update("UPDATE conv_message SET delivery = #{delivery}, delivery_error = #{error},"
            + " channel_message_id = COALESCE(#{channelMessageId}, channel_message_id) WHERE id = #{id}")
    void setDelivery(@Param("id") String id, @Param("delivery") String delivery, @Param("error") String error,
            @Param("channelMessageId") String channelMessageId);
}
