package io.kefu.nlu.internal;

import io.kefu.nlu.internal.NluRows.DialogueRow;
import io.kefu.nlu.internal.NluRows.ExampleRow;
import io.kefu.nlu.internal.NluRows.IntentCount;
import io.kefu.nlu.internal.NluRows.IntentRow;
import io.kefu.nlu.internal.NluRows.ResultRow;
import io.kefu.nlu.internal.NluRows.TrainingRunRow;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the nlu_* tables; the same statements run on H2 (MySQL mode) and MySQL/MariaDB. */
public interface NluMapper {
    String INTENT = "name, description, required_slots, human_only, updated_by, updated_at";
    String RESULT = "message_id, conversation_id, language, intent, confidence, out_of_scope, entities, sentiment,"
            + " sentiment_score, created_at";

    @Select("SELECT " + INTENT + " FROM nlu_intent ORDER BY name")
    List<IntentRow> intents();

    @Select("SELECT " + INTENT + " FROM nlu_intent WHERE name = #{name}")
    IntentRow intent(@Param("name") String name);

    @Insert("INSERT INTO nlu_intent (" + INTENT + ") VALUES (#{name}, #{description}, #{requiredSlots}, #{humanOnly},"
            + " #{updatedBy}, #{updatedAt})")
    void insertIntent(IntentRow row);

    @Update("UPDATE nlu_intent SET description = #{description}, required_slots = #{requiredSlots},"
            + " human_only = #{humanOnly}, updated_by = #{updatedBy}, updated_at = #{updatedAt} WHERE name = #{name}")
    int updateIntent(IntentRow row);

    @Delete("DELETE FROM nlu_intent WHERE name = #{name}")
    int deleteIntent(@Param("name") String name);

    @Select("SELECT intent, COUNT(*) AS examples FROM nlu_example GROUP BY intent")
    List<IntentCount> exampleCounts();

    @Select("SELECT id, intent, language, phrase, created_at FROM nlu_example ORDER BY intent, language, created_at, id")
    List<ExampleRow> examples();

    @Select("SELECT id, intent, language, phrase, created_at FROM nlu_example WHERE intent = #{intent}"
            + " ORDER BY language, created_at, id")
    List<ExampleRow> examplesOf(@Param("intent") String intent);

    @Select("SELECT id, intent, language, phrase, created_at FROM nlu_example WHERE id = #{id}")
    ExampleRow example(@Param("id") String id);

    @Select("SELECT COUNT(*) FROM nlu_example WHERE intent = #{intent} AND language = #{language} AND phrase = #{phrase}")
    int exampleExists(@Param("intent") String intent, @Param("language") String language, @Param("phrase") String phrase);

    @Insert("INSERT INTO nlu_example (id, intent, language, phrase, created_at)"
            + " VALUES (#{id}, #{intent}, #{language}, #{phrase}, #{createdAt})")
    void insertExample(ExampleRow row);

    @Delete("DELETE FROM nlu_example WHERE id = #{id}")
    int deleteExample(@Param("id") String id);

    @Delete("DELETE FROM nlu_example WHERE intent = #{intent}")
    int deleteExamplesOf(@Param("intent") String intent);

    @Insert("INSERT INTO nlu_training_run (id, started_at, finished_at, started_by, intents, examples,"
            + " heldout_accuracy, heldout_examples, outcome) VALUES (#{id}, #{startedAt}, #{finishedAt}, #{startedBy},"
            + " #{intents}, #{examples}, #{heldoutAccuracy}, #{heldoutExamples}, #{outcome})")
    void insertTrainingRun(TrainingRunRow row);

    @Select("SELECT id, started_at, finished_at, started_by, intents, examples, heldout_accuracy, heldout_examples,"
            + " outcome FROM nlu_training_run ORDER BY started_at DESC, id LIMIT #{limit}")
    List<TrainingRunRow> trainingRuns(@Param("limit") int limit);

    @Insert("INSERT INTO nlu_result (" + RESULT + ") VALUES (#{messageId}, #{conversationId}, #{language}, #{intent},"
            + " #{confidence}, #{outOfScope}, #{entities}, #{sentiment}, #{sentimentScore}, #{createdAt})")
    void insertResult(ResultRow row);

    @Select("SELECT " + RESULT + " FROM nlu_result WHERE message_id = #{messageId}")
    ResultRow result(@Param("messageId") String messageId);

    @Select("SELECT " + RESULT + " FROM nlu_result WHERE conversation_id = #{conversationId}"
            + " ORDER BY created_at, message_id LIMIT 500")
    List<ResultRow> resultsOf(@Param("conversationId") String conversationId);

    @Select("SELECT conversation_id, intent, slots, sentiment_trend, turns, updated_at FROM nlu_dialogue"
            + " WHERE conversation_id = #{conversationId}")
    DialogueRow dialogue(@Param("conversationId") String conversationId);

    @Insert("INSERT INTO nlu_dialogue (conversation_id, intent, slots, sentiment_trend, turns, updated_at)"
            + " VALUES (#{conversationId}, #{intent}, #{slots}, #{sentimentTrend}, #{turns}, #{updatedAt})")
    void insertDialogue(DialogueRow row);

    @Update("UPDATE nlu_dialogue SET intent = #{intent}, slots = #{slots}, sentiment_trend = #{sentimentTrend},"
            + " turns = #{turns}, updated_at = #{updatedAt} WHERE conversation_id = #{conversationId}")
    int updateDialogue(DialogueRow row);
}
