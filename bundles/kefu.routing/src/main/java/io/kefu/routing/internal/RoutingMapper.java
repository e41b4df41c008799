package io.kefu.routing.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the routing_* tables. */
public interface RoutingMapper {
    record VersionRow(int version, String drl, String scenarios, int ruleCount, String comment, String publishedBy,
            Instant publishedAt) {
    }

    /** {@code id} is always 1; it is read so that MyBatis returns the row even while every other column is null. */
    record StateRow(int id, Integer activeVersion, String draftDrl, String draftScenarios, String draftBy, Instant draftAt) {
    }

    record TeamRow(String id, String name) {
    }

    record QueueRow(String id, String name, String teamId) {
    }

    record AgentRow(String userId, String displayName, String skills, String teams, String capacity, String presence,
            Instant presenceSince, Instant lastAssignedAt) {
    }

    record WaitingRow(String conversationId, String queueId, String channel, String customerId, int priority,
            String skills, String strategy, boolean preferLast, Instant waitingSince) {
    }

    record DecisionRow(String id, String conversationId, String customerId, Instant decidedAt, String triggerKind,
            int ruleVersion, String queueId, String skills, int priority, String strategy, boolean preferLast,
            String agentId, String firedRules, String actions, String facts, boolean escalated, boolean fallback,
            String error) {
    }

    record AlertRow(String id, Instant atTime, String conversationId, String kind, String message, String ruleName) {
    }

    /** An open conversation held by an agent (read from the conversation bundle's table at start). */
    record HeldRow(String id, String assigneeId, String channel) {
    }

    // ------------------------------------------------------------------ rule sets

    @Select("SELECT version, drl, scenarios, rule_count, comment, published_by, published_at"
            + " FROM routing_rule_version WHERE version = #{v}")
    VersionRow version(@Param("v") int version);

    @Select("SELECT version, '' AS drl, '' AS scenarios, rule_count, comment, published_by, published_at"
            + " FROM routing_rule_version ORDER BY version DESC")
    List<VersionRow> versions();

    @Select("SELECT COALESCE(MAX(version), 0) FROM routing_rule_version")
    int latestVersion();

    @Insert("INSERT INTO routing_rule_version (version, drl, scenarios, rule_count, comment, published_by,"
            + " published_at) VALUES (#{version}, #{drl}, #{scenarios}, #{ruleCount}, #{comment}, #{publishedBy},"
            + " #{publishedAt})")
    void insertVersion(VersionRow row);

    @Select("SELECT id, active_version, draft_drl, draft_scenarios, draft_by, draft_at FROM routing_rule_state"
            + " WHERE id = 1")
    StateRow state();

    /** Takes the state row's lock, so that two publishes number their versions one after the other. */
    @Select("SELECT active_version FROM routing_rule_state WHERE id = 1 FOR UPDATE")
    Integer lockState();

    @Update("UPDATE routing_rule_state SET active_version = #{v} WHERE id = 1")
    void activate(@Param("v") int version);

    @Update("UPDATE routing_rule_state SET draft_drl = #{drl}, draft_scenarios = #{scenarios}, draft_by = #{by},"
            + " draft_at = #{at} WHERE id = 1")
    void saveDraft(@Param("drl") String drl, @Param("scenarios") String scenarios, @Param("by") String by,
            @Param("at") Instant at);

    // ------------------------------------------------------------------ teams, queues, agents

    @Select("SELECT id, name FROM routing_team ORDER BY id")
    List<TeamRow> teams();

    @Select("SELECT id, name, team_id FROM routing_queue ORDER BY id")
    List<QueueRow> queues();

    @Select("SELECT user_id, display_name, skills, teams, capacity, presence, presence_since, last_assigned_at"
            + " FROM routing_agent ORDER BY user_id")
    List<AgentRow> agents();

    @Insert("INSERT INTO routing_agent (user_id, display_name, skills, teams, capacity, presence, presence_since,"
            + " last_assigned_at) VALUES (#{userId}, #{displayName}, #{skills}, #{teams}, #{capacity}, #{presence},"
            + " #{presenceSince}, #{lastAssignedAt})")
    void insertAgent(AgentRow row);

    @Update("UPDATE routing_agent SET display_name = #{displayName}, skills = #{skills}, teams = #{teams},"
            + " capacity = #{capacity}, presence = #{presence}, presence_since = #{presenceSince},"
            + " last_assigned_at = #{lastAssignedAt} WHERE user_id = #{userId}")
    int updateAgent(AgentRow row);

    @Select("SELECT id, assignee_id, channel FROM conv_conversation"
            + " WHERE assignee_id IS NOT NULL AND status IN ('OPEN', 'PENDING')")
    List<HeldRow> held();

    // ------------------------------------------------------------------ waiting conversations

    @Select("SELECT c.id FROM conv_conversation c WHERE c.assignee_id IS NULL AND c.handling = 'QUEUED'"
            + " AND c.status IN ('OPEN', 'PENDING')"
            + " AND NOT EXISTS (SELECT 1 FROM routing_waiting w WHERE w.conversation_id = c.id)"
            + " ORDER BY c.opened_at LIMIT #{limit}")
    List<String> queuedWithoutRouting(@Param("limit") int limit);

    @Select("SELECT conversation_id, queue_id, channel, customer_id, priority, skills, strategy, prefer_last,"
            + " waiting_since FROM routing_waiting")
    List<WaitingRow> waiting();

    @Insert("INSERT INTO routing_waiting (conversation_id, queue_id, channel, customer_id, priority, skills,"
            + " strategy, prefer_last, waiting_since) VALUES (#{conversationId}, #{queueId}, #{channel},"
            + " #{customerId}, #{priority}, #{skills}, #{strategy}, #{preferLast}, #{waitingSince})")
    void insertWaiting(WaitingRow row);

    @Update("UPDATE routing_waiting SET queue_id = #{queueId}, priority = #{priority}, skills = #{skills},"
            + " strategy = #{strategy}, prefer_last = #{preferLast} WHERE conversation_id = #{conversationId}")
    int updateWaiting(WaitingRow row);

    @Delete("DELETE FROM routing_waiting WHERE conversation_id = #{id}")
    int deleteWaiting(@Param("id") String conversationId);

    // ------------------------------------------------------------------ decisions and alerts

    String DECISION_COLUMNS = "id, conversation_id, customer_id, decided_at, trigger_kind, rule_version, queue_id,"
            + " skills, priority, strategy, prefer_last, agent_id, fired_rules, actions, facts, escalated, fallback,"
            + " error";

    @Insert("INSERT INTO routing_decision (id, conversation_id, customer_id, decided_at, trigger_kind, rule_version,"
            + " queue_id, skills, priority, strategy, prefer_last, agent_id, fired_rules, actions, facts, escalated,"
            + " fallback, error) VALUES (#{id}, #{conversationId}, #{customerId}, #{decidedAt}, #{triggerKind},"
            + " #{ruleVersion}, #{queueId}, #{skills}, #{priority}, #{strategy}, #{preferLast}, #{agentId},"
            + " #{firedRules}, #{actions}, #{facts}, #{escalated}, #{fallback}, #{error})")
    void insertDecision(DecisionRow row);

    @Update("UPDATE routing_decision SET agent_id = #{agent} WHERE id = #{id}")
    void setDecisionAgent(@Param("id") String decisionId, @Param("agent") String agentId);

    @Select("SELECT " + DECISION_COLUMNS + " FROM routing_decision WHERE conversation_id = #{id} ORDER BY decided_at DESC, id LIMIT 50")
    List<DecisionRow> decisions(@Param("id") String conversationId);

    @Select("SELECT " + DECISION_COLUMNS + " FROM routing_decision WHERE decided_at >= #{since}"
            + " ORDER BY decided_at DESC LIMIT #{limit}")
    List<DecisionRow> decisionsSince(@Param("since") Instant since, @Param("limit") int limit);

    @Select("SELECT " + DECISION_COLUMNS + " FROM routing_decision WHERE fallback = TRUE ORDER BY decided_at DESC LIMIT #{limit}")
    List<DecisionRow> failedDecisions(@Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM routing_decision WHERE conversation_id = #{id} AND escalated = TRUE")
    int escalations(@Param("id") String conversationId);

    @Select("SELECT agent_id FROM routing_decision WHERE customer_id = #{customer} AND agent_id IS NOT NULL"
            + " ORDER BY decided_at DESC LIMIT 1")
    String lastAgent(@Param("customer") String customerId);

    @Insert("INSERT INTO routing_alert (id, at_time, conversation_id, kind, message, rule_name) VALUES (#{id},"
            + " #{atTime}, #{conversationId}, #{kind}, #{message}, #{ruleName})")
    void insertAlert(AlertRow row);

    @Select("SELECT id, at_time, conversation_id, kind, message, rule_name FROM routing_alert"
            + " ORDER BY at_time DESC LIMIT #{limit}")
    List<AlertRow> alerts(@Param("limit") int limit);
}
