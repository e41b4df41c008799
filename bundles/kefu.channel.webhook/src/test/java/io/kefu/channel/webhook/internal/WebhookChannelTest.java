package io.kefu.channel.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.spi.OutboundMessage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound delivery against a real HTTP server on loopback, playing the messaging app. */
class WebhookChannelTest {
    private static final String SECRET = "a-shared-secret-of-32-characters";

    private HttpServer app;
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Boolean> signatureValid = new CopyOnWriteArrayList<>();
    private WebhookChannel channel;

    @BeforeEach
    void start() throws Exception {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/kefu-replies", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst(Signature.TIMESTAMP_HEADER);
            signatureValid.add(new Signature(SECRET).verify(timestamp, body,
                    exchange.getRequestHeaders().getFirst(Signature.HEADER)));
            received.add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        app.start();
        channel = new WebhookChannel(HttpClient.newHttpClient(), Clock.systemUTC());
        channel.addApp(new WebhookApp("wechat", SECRET, "http://127.0.0.1:" + app.getAddress().getPort() + "/kefu-replies",
                65_536, 300));
    }

    @AfterEach
    void stop() {
        app.stop(0);
    }

    private static OutboundMessage reply(String to) {
        return new OutboundMessage("msg-1", "conv-1", new ChannelIdentity(IdentityType.APP_USER, to, true),
                "您的包裹今天发出", "wechat:key-9", List.of());
    }

    @Test
    void aReplyIsPostedSignedToTheAppsUrl() {
        var receipt = channel.send(reply("wechat:o6_user"));
        assertThat(receipt.delivered()).isTrue();
        assertThat(signatureValid).containsExactly(true);
        assertThat(received.get(0)).contains("\"userId\":\"o6_user\"").contains("您的包裹今天发出");
    }

    @Test
    void serverErrorsAreWorthRetryingAndClientErrorsAreFinal() {
        status.set(503);
        assertThat(channel.send(reply("wechat:o6_user")).retryable()).isTrue();
        status.set(429);
        assertThat(channel.send(reply("wechat:o6_user")).retryable()).isTrue();
        status.set(404);
        var receipt = channel.send(reply("wechat:o6_user"));
        assertThat(receipt.delivered()).isFalse();
        assertThat(receipt.retryable()).isFalse();
        assertThat(receipt.error()).contains("404");
    }

    @Test
    void unknownAppsAndOtherIdentitiesAreNotSentAnywhere() {
        assertThat(channel.send(reply("line:u1")).error()).contains("line");
        var email = new OutboundMessage("m", "c", new ChannelIdentity(IdentityType.EMAIL, "a@b.c", true), "x", null, List.of());
        assertThat(channel.send(email).retryable()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void signaturesDependOnSecretTimestampAndBody() {
        Signature signature = new Signature(SECRET);
        byte[] body = "{\"userId\":\"u\"}".getBytes(StandardCharsets.UTF_8);
        String signed = signature.sign("1763700000", body);
        assertThat(signature.verify("1763700000", body, signed)).isTrue();
        assertThat(signature.verify("1763700001", body, signed)).isFalse();
        assertThat(signature.verify("1763700000", "{\"userId\":\"v\"}".getBytes(StandardCharsets.UTF_8), signed)).isFalse();
        assertThat(new Signature("another-secret-of-enough-length").verify("1763700000", body, signed)).isFalse();
        assertThat(signature.verify("1763700000", body, null)).isFalse();
    }

    @Test
    void bodiesOverTheLimitAreRefusedWithoutReadingThemWhole() throws Exception {
        byte[] big = new byte[70_000];
        assertThatThrownBy(() -> WebhookResource.read(new ByteArrayInputStream(big), 65_536))
                .hasMessageContaining("65536");
        assertThat(WebhookResource.read(new ByteArrayInputStream(new byte[10]), 65_536)).hasSize(10);
    }

    @Test
    void invalidAppConfigurationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new WebhookApp("WeChat!", SECRET, "", 65_536, 300)).hasMessageContaining("a-z");
        assertThatThrownBy(() -> new WebhookApp("wechat", "short", "", 65_536, 300)).hasMessageContaining("16");
        assertThatThrownBy(() -> new WebhookApp("wechat", SECRET, "ftp://x", 65_536, 300)).hasMessageContaining("http");
    }
}
