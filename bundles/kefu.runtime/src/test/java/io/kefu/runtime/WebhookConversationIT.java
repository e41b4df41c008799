package io.kefu.runtime;

import static io.kefu.runtime.KefuProcess.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A messaging app connected by webhook, end to end through the real runtime: signed messages in (idempotent,
 * refused when unsigned or oversized), an agent's inbox, and the agent's reply delivered signed to the app.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookConversationIT {
    private static final String SECRET = "demo-app-shared-secret-0123456789";

    Path home;
    KefuProcess kefu;
    HttpServer app;
    final List<JsonNode> replies = new CopyOnWriteArrayList<>();
    final List<Boolean> replySignaturesValid = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/replies", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Kefu-Timestamp");
            replySignaturesValid.add(sign(timestamp, body).equals(exchange.getRequestHeaders().getFirst("X-Kefu-Signature")));
            replies.add(KefuProcess.JSON.readTree(body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        home = KefuProcess.newHome("WebhookConversationIT");
        kefu = KefuProcess.start(home, Map.of("kefu.channel.webhook-demo.cfg", "app=demo\n.secret=" + SECRET
                + "\noutboundUrl=http://127.0.0.1:" + app.getAddress().getPort() + "/replies\n"));
        eventually(Duration.ofSeconds(20), "the demo app is configured",
                () -> status(post("demo", "{\"userId\":\"probe\",\"text\":\"ping\"}", "probe-1", true)) == 202);
    }

    @AfterAll
    void stop() throws Exception {
        kefu.close();
        app.stop(0);
    }

    static String sign(String timestamp, byte[] body) {
        return sign(SECRET, timestamp, body);
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String appId, String json, String idempotencyKey, boolean signed) {
        return post(appId, SECRET, json, idempotencyKey, signed);
    }

    HttpResponse<String> post(String appId, String secret, String json, String idempotencyKey, boolean signed) {
        try {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kefu.port
                    + "/api/webhook/" + appId + "/messages")).header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey).header("X-Kefu-Timestamp", timestamp)
                    .header("X-Kefu-Signature", signed ? sign(secret, timestamp, body) : "sha256=00")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    @Test
    void aSignedMessageIsStoredOnceHoweverOftenItIsDelivered() throws Exception {
        var first = post("demo", "{\"userId\":\"o6_wang\",\"text\":\"我的订单怎么还没发货\"}", "wx-1001", true);
        var again = post("demo", "{\"userId\":\"o6_wang\",\"text\":\"我的订单怎么还没发货\"}", "wx-1001", true);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode a = KefuProcess.JSON.readTree(first.body());
        JsonNode b = KefuProcess.JSON.readTree(again.body());
        assertThat(a.get("duplicate").asBoolean()).isFalse();
        assertThat(b.get("duplicate").asBoolean()).isTrue();
        assertThat(b.get("messageId").asText()).isEqualTo(a.get("messageId").asText());
    }

    @Test
    void unsignedOversizedAndMalformedRequestsAreRefusedClearly() throws Exception {
        var unsigned = post("demo", "{\"userId\":\"x\",\"text\":\"hi\"}", "wx-2001", false);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("webhook.signature");
        eventually(Duration.ofSeconds(5), "the refusal is logged", () -> logContains("Refused a webhook request for app demo"));

        var oversized = post("demo", "{\"userId\":\"x\",\"text\":\"" + "长".repeat(70_000) + "\"}", "wx-2002", true);
        assertThat(oversized.statusCode()).isEqualTo(413);

        var unknownField = post("demo", "{\"userId\":\"x\",\"txt\":\"hi\"}", "wx-2003", true);
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("txt").doesNotContain("Exception");

        assertThat(post("nosuchapp", "{}", "k", true).statusCode()).isEqualTo(404);
    }

    @Test
    void anAgentAnswersFromTheInboxAndTheReplyReachesTheAppSigned() throws Exception {
        var received = KefuProcess.JSON.readTree(post("demo", "{\"userId\":\"o6_li\",\"text\":\"发票怎么开？\"}", "wx-3001", true).body());
        String conversationId = received.get("conversationId").asText();

        // The bot answers the app's user first (web chat and webhook conversations start with it).
        eventually(Duration.ofSeconds(15), "the bot's answer reaches the app", () -> replies.stream()
                .anyMatch(r -> r.get("conversationId").asText().equals(conversationId)));

        var admin = kefu.admin();
        var created = admin.post("/api/users", Map.of("username", "agent.zhou", "displayName", "周", "roles", List.of("AGENT")));
        var agent = kefu.login("agent.zhou", created.json().get("generatedPassword").asText());

        JsonNode inbox = agent.get("/api/conversations?view=unassigned").json();
        assertThat(inbox.get("items").findValuesAsText("id")).contains(conversationId);
        assertThat(agent.post("/api/conversations/" + conversationId + "/take", "{}").status()).isEqualTo(200);
        JsonNode mine = agent.get("/api/conversations?view=mine").json();
        assertThat(mine.get("items").findValuesAsText("id")).containsExactly(conversationId);

        var note = agent.post("/api/conversations/" + conversationId + "/messages", Map.of("body", "需要财务确认", "internal", true));
        var reply = agent.post("/api/conversations/" + conversationId + "/messages", Map.of("body", "请在订单页点击“申请发票”。"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(reply.status()).isEqualTo(201);

        // The bot answered the app's user first; the agent's reply is the one with the agent's text.
        eventually(Duration.ofSeconds(15), "the app receives the reply", () -> replies.stream()
                .anyMatch(r -> r.get("conversationId").asText().equals(conversationId)
                        && r.get("text").asText().equals("请在订单页点击“申请发票”。")));
        JsonNode delivered = replies.stream().filter(r -> r.get("conversationId").asText().equals(conversationId))
                .filter(r -> r.get("text").asText().equals("请在订单页点击“申请发票”。")).findFirst().orElseThrow();
        assertThat(delivered.get("userId").asText()).isEqualTo("o6_li");
        assertThat(delivered.get("text").asText()).isEqualTo("请在订单页点击“申请发票”。");
        assertThat(replies).noneMatch(r -> r.get("text").asText().contains("财务"));
        assertThat(replySignaturesValid).doesNotContain(false);

        String customerId = agent.get("/api/conversations/" + conversationId).json().get("customerId").asText();
        JsonNode timeline = agent.get("/api/customers/" + customerId + "/timeline").json();
        assertThat(timeline.get("items").findValuesAsText("direction"))
                .containsExactly("INBOUND", "OUTBOUND", "INTERNAL_NOTE", "OUTBOUND");
        eventually(Duration.ofSeconds(10), "the reply is marked sent", () -> {
            try {
                return agent.get("/api/conversations/" + conversationId + "/messages").json().get("items").get(3)
                        .get("delivery").asText().equals("SENT");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(admin.get("/api/deliveries/failed").status()).isEqualTo(200);
        assertThat(agent.get("/api/deliveries/failed").status()).isEqualTo(403);
    }

    @Test
    void openWorkbenchesHearOfNewMessagesAtOnce() throws Exception {
        var admin = kefu.admin();
        var created = admin.post("/api/users", Map.of("username", "agent.live", "roles", List.of("AGENT")));
        var agent = kefu.login("agent.live", created.json().get("generatedPassword").asText());
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kefu.port + "/api/events/stream"))
                .header("Cookie", "kefu_session=" + agent.token()).header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(subscribe, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();

        var receipt = KefuProcess.JSON.readTree(post("demo", "{\"userId\":\"o6_live\",\"text\":\"有人吗\"}", "wx-4001", true).body());
        String conversationId = receipt.get("conversationId").asText();
        eventually(Duration.ofSeconds(10), "a MESSAGE_RECEIVED event for the conversation", () -> lines.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains("MESSAGE_RECEIVED") && l.contains(conversationId)));
        assertThat(lines).anyMatch(l -> l.equals("event: conversation"));
        stream.body().close();
    }

    @Test
    void anAdminConnectsAnotherAppFromTheWorkbenchAndItsSecretNeverComesBack() throws Exception {
        var admin = kefu.admin();
        JsonNode overview = admin.get("/api/settings/channels").json();
        JsonNode webhook = null;
        for (JsonNode kind : overview.get("kinds")) {
            if (kind.get("factoryPid").asText().equals("kefu.channel.webhook")) {
                webhook = kind;
            }
        }
        assertThat(webhook).isNotNull();
        assertThat(webhook.get("factory").asBoolean()).isTrue();
        assertThat(webhook.get("fields").findValuesAsText("key")).contains("app", ".secret", "outboundUrl");
        assertThat(overview.get("configurations").toString()).contains("\"name\":\"demo\"").doesNotContain(SECRET);

        String secret = "second-app-secret-abcdefghijklmnop";
        var saved = admin.put("/api/settings/channels/kefu.channel.webhook/shop2",
                Map.of("properties", Map.of("app", "shop2", ".secret", secret)));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(secret).contains("********");
        eventually(Duration.ofSeconds(20), "the new app takes messages",
                () -> post("shop2", secret, "{\"userId\":\"u1\",\"text\":\"hi\"}", "s2-1", true).statusCode() == 202);
        // Saving again with the mask keeps the secret.
        assertThat(admin.put("/api/settings/channels/kefu.channel.webhook/shop2",
                Map.of("properties", Map.of("app", "shop2", ".secret", "********", "maxBodyBytes", "32768"))).status())
                .isEqualTo(200);
        Thread.sleep(2500);
        assertThat(post("shop2", secret, "{\"userId\":\"u1\",\"text\":\"again\"}", "s2-2", true).statusCode()).isEqualTo(202);

        assertThat(admin.put("/api/settings/channels/kefu.channel.webhook/shop2",
                Map.of("properties", Map.of("app", "shop2", "sekret", "x"))).status()).isEqualTo(400);
        assertThat(admin.put("/api/settings/channels/kefu.channel.webhook/Bad%20Name",
                Map.of("properties", Map.of("app", "x"))).status()).isIn(400, 404);
        assertThat(admin.get("/api/audit").json().get("items").findValuesAsText("action")).contains("settings.save");

        assertThat(admin.send("DELETE", "/api/settings/channels/kefu.channel.webhook/shop2", null).status()).isEqualTo(204);
        eventually(Duration.ofSeconds(20), "the app is gone",
                () -> post("shop2", secret, "{\"userId\":\"u1\",\"text\":\"gone\"}", "s2-3", true).statusCode() == 404);
    }

    private boolean logContains(String text) {
        try {
            return kefu.log().contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
