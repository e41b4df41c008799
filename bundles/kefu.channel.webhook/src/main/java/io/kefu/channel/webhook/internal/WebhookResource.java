package io.kefu.channel.webhook.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kefu.api.conversation.Attachment;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.IngestReceipt;
import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.conversation.MessageRejectedException;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/webhook/{app}/messages}: a connected app hands over a customer's message. No Kefu session: the
 * request proves itself with an HMAC signature over timestamp and body (see {@link Signature}) and carries an
 * {@code Idempotency-Key}, so the app may retry freely. The answer (202 with the receipt) comes only after the
 * message is stored.
 */
@Component(service = WebhookResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/webhook")
public final class WebhookResource {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookResource.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final WebhookChannel channel;
    private final MessageIngest ingest;
    private final Clock clock;

    @Activate
    public WebhookResource(@Reference WebhookChannel channel, @Reference MessageIngest ingest) {
        this(channel, ingest, Clock.systemUTC());
    }

    WebhookResource(WebhookChannel channel, MessageIngest ingest, Clock clock) {
        this.channel = channel;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** What an app sends: its own user id, the text, attachment metadata, and when the user sent it. */
    public record Inbound(String userId, String text, List<Attachment> attachments, Instant sentAt) {
    }

    public record Receipt(String messageId, String conversationId, boolean duplicate) {
    }

    @POST
    @Path("/{app}/messages")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("app") String appId, @HeaderParam(Signature.HEADER) String signature,
            @HeaderParam(Signature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServletRequest request)
            throws IOException {
        WebhookApp app = channel.app(appId).orElse(null);
        // The body is read (up to its limit) before any refusal, so the connection stays usable for the app's
        // next request.
        byte[] body = read(request.getInputStream(), app == null ? 65_536 : app.maxBodyBytes());
        if (app == null) {
            throw ApiException.notFound("webhook.unknown_app", "No webhook app '" + appId + "'");
        }
        if (!app.signature().verify(timestamp, body, signature)) {
            LOG.warn("Refused a webhook request for app {} from {}: bad or missing signature", appId, request.getRemoteAddr());
            throw new ApiException(401, "webhook.signature", "The request signature is missing or wrong");
        }
        if (!fresh(timestamp, app.tolerance())) {
            LOG.warn("Refused a webhook request for app {} from {}: timestamp {} outside the tolerance", appId,
                    request.getRemoteAddr(), timestamp);
            throw new ApiException(401, "webhook.stale", "The request timestamp is too far from the server's clock");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiException.badRequest("webhook.idempotency_key", "Send an Idempotency-Key header of 1-200 characters");
        }
        Inbound inbound = parse(body);
        if (inbound.userId() == null || inbound.userId().isBlank()) {
            throw ApiException.badRequest("webhook.user", "userId is required");
        }
        try {
            IngestReceipt receipt = ingest.ingest(new InboundMessage(WebhookChannel.ID,
                    new ChannelIdentity(IdentityType.APP_USER, appId + ":" + inbound.userId(), true), inbound.text(),
                    appId + ":" + idempotencyKey, null, inbound.attachments() == null ? List.of() : inbound.attachments(),
                    inbound.sentAt()));
            return Response.status(Response.Status.ACCEPTED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Receipt(receipt.messageId(), receipt.conversationId(), receipt.duplicate())).build();
        } catch (MessageRejectedException e) {
            throw new ApiException(e.tooLarge() ? 413 : 400, e.code(), e.getMessage());
        }
    }

    private boolean fresh(String timestamp, Duration tolerance) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            return Duration.between(sent, clock.instant()).abs().compareTo(tolerance) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Inbound parse(byte[] body) {
        try {
            return JSON.readValue(body, Inbound.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("request.malformed_json", "The body is not a valid message: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("request.unreadable", "The body cannot be read");
        }
    }

    /** Beyond this much unread body the connection is dropped instead of answered. */
    static final int MAX_DRAIN = 1 << 20;

    /**
     * Reads at most {@code limit} bytes. A longer body is refused with 413, after discarding the rest of it (up to
     * {@link #MAX_DRAIN}): the server only sends its answer on a connection whose request was read to the end.
     */
    static byte[] read(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            long discarded = 0;
            byte[] sink = new byte[8192];
            for (int n; discarded < MAX_DRAIN && (n = in.read(sink)) > 0;) {
                discarded += n;
            }
            throw new ApiException(413, "webhook.too_large", "The request body is larger than " + limit + " bytes");
        }
        return body;
    }
}
