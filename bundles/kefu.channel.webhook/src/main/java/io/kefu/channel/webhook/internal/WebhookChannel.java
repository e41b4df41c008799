package io.kefu.channel.webhook.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.spi.Channel;
import io.kefu.api.spi.DeliveryReceipt;
import io.kefu.api.spi.OutboundMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code webhook} channel. Its customers are {@code APP_USER} identities {@code <app>:<user id>}; a reply goes to
 * the app's outbound URL as a signed JSON POST. A 2xx answer means delivered; 408, 429, 5xx and network errors are
 * worth retrying (Kefu's delivery retries with backoff); any other answer is final.
 */
@Component(service = {Channel.class, WebhookChannel.class}, property = "kefu.channel=webhook")
public final class WebhookChannel implements Channel {
    static final String ID = "webhook";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, WebhookApp> apps = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Clock clock;

    @Activate
    public WebhookChannel() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC());
    }

    WebhookChannel(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApp(WebhookApp app) {
        WebhookApp previous = apps.putIfAbsent(app.id(), app);
        if (previous != null) {
            LOG.error("Two webhook app configurations use the id '{}'; the first one stays in use", app.id());
        }
    }

    void removeApp(WebhookApp app) {
        apps.remove(app.id(), app);
    }

    Optional<WebhookApp> app(String id) {
        return Optional.ofNullable(apps.get(id));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Messaging apps (webhook)";
    }

    /** The reply as the app receives it. */
    record Outbound(String messageId, String conversationId, String userId, String text, String inReplyTo) {
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        if (message.to().type() != IdentityType.APP_USER || message.to().value().indexOf(':') < 1) {
            return DeliveryReceipt.failed("the recipient is not a messaging-app user: " + message.to().type(), false);
        }
        String appId = message.to().value().substring(0, message.to().value().indexOf(':'));
        WebhookApp app = apps.get(appId);
        if (app == null) {
            return DeliveryReceipt.failed("no webhook app '" + appId + "' is configured", true);
        }
        if (app.outboundUrl() == null) {
            return DeliveryReceipt.failed("webhook app '" + appId + "' has no outboundUrl", false);
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new Outbound(message.messageId(), message.conversationId(),
                    message.to().value().substring(appId.length() + 1), message.body(), message.inReplyTo()));
        } catch (JsonProcessingException e) {
            return DeliveryReceipt.failed("the reply cannot be written as JSON", false);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(app.outboundUrl()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.messageId())
                .header(Signature.TIMESTAMP_HEADER, timestamp)
                .header(Signature.HEADER, app.signature().sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status / 100 == 2) {
                return DeliveryReceipt.delivered(message.messageId());
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return DeliveryReceipt.failed("app '" + appId + "' answered HTTP " + status, retryable);
        } catch (IOException e) {
            return DeliveryReceipt.failed("app '" + appId + "' could not be reached: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryReceipt.failed("interrupted while delivering", true);
        }
    }
}
