package io.kefu.channel.webchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.IngestReceipt;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.conversation.MessageRejectedException;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open widget connection. The first frame names the visitor; each message is stored through
 * {@link MessageIngest} before its ack is sent, with the widget's client id as the channel message id, so a
 * message resent after a reconnect is stored once. Public because Jetty binds its callbacks with method handles.
 */
public final class VisitorConnection implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorConnection.class);
    private static final int HISTORY = 50;

    private final Visitors visitors;
    private final MessageIngest ingest;
    private final Conversations conversations;
    private final WebchatSettings settings;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private volatile Session session;
    private volatile String visitorId;

    VisitorConnection(Visitors visitors, MessageIngest ingest, Conversations conversations, WebchatSettings settings) {
        this.visitors = visitors;
        this.ingest = ingest;
        this.conversations = conversations;
        this.settings = settings;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode frame = Frames.parse(text);
        String type = frame == null ? null : frame.path("type").asText(null);
        if (type == null) {
            send(Frames.error("frame.invalid", "Frames are JSON objects with a type", null));
            return;
        }
        switch (type) {
            case "hello" -> hello(frame);
            case "message" -> message(frame);
            case "ping" -> send(Frames.pong());
            default -> send(Frames.error("frame.unknown_type", "Unknown frame type " + type, null));
        }
    }

    private void hello(JsonNode frame) {
        String previous = visitorId;
        String id = visitors.validOrNew(frame.path("visitorId").asText(null));
        if (previous != null) {
            visitors.remove(previous, this);
        }
        visitorId = id;
        visitors.add(id, this);
        ChannelIdentity identity = identity(id);
        Conversation conversation = conversations.current(identity, WebchatChannel.ID).orElse(null);
        List<Frames.ChatMessage> history = conversation == null ? List.of()
                : conversations.latest(conversation.id(), HISTORY).stream()
                        .filter(Frames::visibleToCustomer).map(Frames.ChatMessage::of).toList();
        send(Frames.welcome(id, conversation == null ? null : conversation.id(), history));
    }

    private void message(JsonNode frame) {
        String clientId = frame.path("clientId").asText(null);
        String text = frame.path("text").asText("");
        if (visitorId == null) {
            send(Frames.error("frame.no_hello", "Say hello first", clientId));
            return;
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
            send(Frames.error("frame.client_id", "A message needs a clientId of 1-64 characters", null));
            return;
        }
        if (text.length() > settings.maxMessageChars()) {
            send(Frames.error("message.too_long", "A message has at most " + settings.maxMessageChars() + " characters",
                    clientId));
            return;
        }
        if (!withinRate()) {
            send(Frames.error("rate_limited", "Too many messages; please wait a moment", clientId));
            return;
        }
        try {
            IngestReceipt receipt = ingest.ingest(new InboundMessage(WebchatChannel.ID, identity(visitorId), text,
                    visitorId + ":" + clientId, null, List.of(), Instant.now()));
            send(Frames.ack(clientId, receipt.messageId(), receipt.conversationId()));
            if (!receipt.duplicate()) {
                String echo = Frames.message(receipt.messageId(), MessageDirection.INBOUND, text, Instant.now());
                visitors.each(visitorId, other -> {
                    if (other != this) {
                        other.send(echo);
                    }
                });
            }
        } catch (MessageRejectedException e) {
            send(Frames.error(e.code(), e.getMessage(), clientId));
        } catch (RuntimeException e) {
            // Not acknowledged: the widget keeps the message in its outbox and sends it again.
            LOG.error("Could not store a web chat message", e);
            send(Frames.error("server.error", "The message could not be stored; it will be sent again", null));
        }
    }

    private synchronized boolean withinRate() {
        Instant now = Instant.now();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minusSeconds(60))) {
            recent.pollFirst();
        }
        if (recent.size() >= settings.messagesPerMinute()) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    private static ChannelIdentity identity(String visitorId) {
        // The browser holding this unguessable id is the visitor; that is all the proof a web chat has.
        return new ChannelIdentity(IdentityType.WEB_VISITOR, visitorId, true);
    }

    void send(String frame) {
        Session open = session;
        if (open != null && open.isOpen()) {
            open.sendText(frame, Callback.from(() -> { }, failure -> LOG.debug("Web chat send failed: {}", failure.toString())));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (visitorId != null) {
            visitors.remove(visitorId, this);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Web chat connection error: {}", cause.toString());
    }
}
