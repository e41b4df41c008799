package io.kefu.runtime;

import static io.kefu.runtime.KefuProcess.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sentence-embeddings plug-in (bundles/kefu.nlu.embeddings) dropped into a running Kefu: its encoders load
 * (ONNX Runtime and the tokenizer's natives unpacked at run time, inside OSGi), the intent engine retrains as a
 * hybrid and keeps understanding the demo shop's customers in English and Chinese; removed, the engine goes back to
 * n-grams. One process throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingsPluginIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    Path home;
    KefuProcess kefu;
    KefuProcess.Client admin;

    @BeforeAll
    void start() throws Exception {
        home = KefuProcess.newHome("EmbeddingsPluginIT");
        kefu = KefuProcess.start(home, Map.of());
        admin = kefu.admin();
    }

    @AfterAll
    void stop() throws Exception {
        kefu.close();
    }

    @Test
    void theIntentEngineBecomesAHybridWithThePluginAndFallsBackWithoutIt() throws Exception {
        eventually(WAIT, "the first model is trained", () -> !latestOutcome().isEmpty());
        assertThat(latestOutcome()).doesNotContain("embeddings");

        Path jar = home.resolve("plugins/kefu.nlu.embeddings.jar");
        Files.copy(Path.of(System.getProperty("kefu.embeddings.plugin")), jar, StandardCopyOption.REPLACE_EXISTING);
        eventually(WAIT, "a hybrid model with both encoders is trained", () -> latestOutcome()
                .contains("en=bge-small-en-v15-q") && latestOutcome().contains("zh=bge-small-zh-v15-q"));
        assertThat(intentOf("I want my money back for this order")).isEqualTo("refund");
        assertThat(intentOf("我想申请退款，钱什么时候退回来")).isEqualTo("refund");
        assertThat(Files.exists(home.resolve("data/nlu-embeddings/native")))
                .as("the tokenizer's native is unpacked under the Kefu home").isTrue();

        Files.delete(jar);
        eventually(WAIT, "the model is trained without embeddings again", () -> {
            String outcome = latestOutcome();
            return outcome.startsWith("trained") && !outcome.contains("embeddings");
        });
        assertThat(intentOf("I want my money back for this order")).isEqualTo("refund");
        assertThat(kefu.alive()).isTrue();
        assertThat(kefu.anonymous().get("/api/health").status()).isEqualTo(200);
    }

    /** The outcome of the newest training run ("trained: {...}"), empty before the first. */
    private String latestOutcome() {
        try {
            JsonNode runs = admin.get("/api/nlu/training").json();
            return runs.isEmpty() ? "" : runs.get(0).get("outcome").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String intentOf(String text) throws Exception {
        return admin.post("/api/nlu/analyze", Map.of("text", text)).json().get("result").get("intent").get("intent")
                .asText();
    }
}
