package io.kefu.runtime;

import static io.kefu.runtime.KefuProcess.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The web chat protocol against the real runtime, with the JDK's WebSocket client playing the widget. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebchatIT {
    Path home;
    KefuProcess kefu;
    final HttpClient http = HttpClient.newHttpClient();

    /** A widget connection that records every frame it receives. */
    final class Widget implements WebSocket.Listener, AutoCloseable {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        final WebSocket socket;

        Widget(String origin) {
            WebSocket.Builder builder = http.newWebSocketBuilder();
            if (origin != null) {
                builder.header("Origin", origin);
            }
            socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + kefu.port + "/ws/webchat"), this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(KefuProcess.JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        JsonNode await(String type, java.util.function.Predicate<JsonNode> match) throws InterruptedException {
            eventually(Duration.ofSeconds(10), "a " + type + " frame", () -> frames.stream()
                    .anyMatch(f -> type.equals(f.path("type").asText()) && match.test(f)));
            return frames.stream().filter(f -> type.equals(f.path("type").asText()) && match.test(f)).findFirst().orElseThrow();
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
        }
    }

    @BeforeAll
    void start() throws Exception {
        home = KefuProcess.newHome("WebchatIT");
        kefu = KefuProcess.start(home, Map.of("kefu.channel.webchat.cfg", "allowedOrigins=https://shop.example.com\n"));
    }

    @AfterAll
    void stop() throws Exception {
        kefu.close();
    }

    @Test
    void aVisitorChatsWithAnAgentAndFindsTheConversationAgainAfterReconnecting() throws Exception {
        String visitor;
        String conversationId;
        try (Widget widget = new Widget("https://shop.example.com")) {
            widget.send("{\"type\":\"hello\",\"visitorId\":null}");
            visitor = widget.await("welcome", f -> true).get("visitorId").asText();
            assertThat(visitor).matches("[0-9a-f]{32}");
            widget.send("{\"type\":\"message\",\"clientId\":\"c-1\",\"text\":\"我的订单怎么还没发货\"}");
            JsonNode ack = widget.await("ack", f -> f.get("clientId").asText().equals("c-1"));
            conversationId = ack.get("conversationId").asText();
            // The same client id again (a resend after a lost ack) is stored once: same message id.
            widget.send("{\"type\":\"message\",\"clientId\":\"c-1\",\"text\":\"我的订单怎么还没发货\"}");
            eventually(Duration.ofSeconds(5), "two acks", () -> widget.frames.stream()
                    .filter(f -> "ack".equals(f.path("type").asText())).count() == 2);
            assertThat(widget.frames.stream().filter(f -> "ack".equals(f.path("type").asText()))
                    .map(f -> f.get("messageId").asText()).distinct()).hasSize(1);

            var admin = kefu.admin();
            var created = admin.post("/api/users", Map.of("username", "agent.web", "roles", List.of("AGENT")));
            var agent = kefu.login("agent.web", created.json().get("generatedPassword").asText());
            assertThat(agent.post("/api/conversations/" + conversationId + "/messages",
                    Map.of("body", "请提供订单号", "internal", false)).status()).isEqualTo(201);
            agent.post("/api/conversations/" + conversationId + "/messages", Map.of("body", "VIP 客户", "internal", true));
            // The bot answered first (it asks for the order number); the agent's reply follows it into the widget.
            JsonNode bot = widget.await("message", f -> f.get("message").get("direction").asText().equals("OUTBOUND"));
            assertThat(bot.get("message").get("text").asText()).contains("订单号");
            JsonNode reply = widget.await("message", f -> f.get("message").get("text").asText().equals("请提供订单号"));
            assertThat(reply.get("message").get("direction").asText()).isEqualTo("OUTBOUND");
        }
        try (Widget again = new Widget("https://shop.example.com")) {
            again.send("{\"type\":\"hello\",\"visitorId\":\"" + visitor + "\"}");
            JsonNode welcome = again.await("welcome", f -> true);
            assertThat(welcome.get("visitorId").asText()).isEqualTo(visitor);
            assertThat(welcome.get("conversationId").asText()).isEqualTo(conversationId);
            assertThat(welcome.get("history").findValuesAsText("text"))
                    .containsSubsequence("我的订单怎么还没发货", "请提供订单号").doesNotContain("VIP 客户");
        }
    }

    @Test
    void pagesFromOtherOriginsAreRefusedAndBadFramesGetErrors() throws Exception {
        Throwable refused = null;
        try {
            new Widget("https://evil.example.net");
        } catch (CompletionException e) {
            refused = e.getCause();
        }
        assertThat(refused).isNotNull();
        try (Widget widget = new Widget("https://shop.example.com")) {
            widget.send("not json");
            widget.await("error", f -> f.get("code").asText().equals("frame.invalid"));
            widget.send("{\"type\":\"message\",\"clientId\":\"x\",\"text\":\"hi\"}");
            widget.await("error", f -> f.get("code").asText().equals("frame.no_hello"));
            widget.send("{\"type\":\"hello\"}");
            widget.await("welcome", f -> true);
            widget.send("{\"type\":\"message\",\"clientId\":\"big\",\"text\":\"" + "长".repeat(2001) + "\"}");
            widget.await("error", f -> f.get("code").asText().equals("message.too_long"));
            widget.send("{\"type\":\"ping\"}");
            widget.await("pong", f -> true);
        }
    }
}
