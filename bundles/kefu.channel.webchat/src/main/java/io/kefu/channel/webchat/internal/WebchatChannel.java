package io.kefu.channel.webchat.internal;

import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.spi.Channel;
import io.kefu.api.spi.DeliveryReceipt;
import io.kefu.api.spi.OutboundMessage;
import java.time.Instant;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code webchat} channel: a reply goes to every open widget connection of the visitor. A visitor with no open
 * connection gets it with the history the next time the widget connects, so the reply counts as delivered once
 * stored; nothing is lost by sending it into an empty room.
 */
@Component(service = {Channel.class, WebchatChannel.class}, property = "kefu.channel=webchat")
public final class WebchatChannel implements Channel {
    static final String ID = "webchat";

    final Visitors visitors = new Visitors();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Web chat";
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        if (message.to().type() != IdentityType.WEB_VISITOR) {
            return DeliveryReceipt.failed("the recipient is not a web chat visitor: " + message.to().type(), false);
        }
        String frame = Frames.message(message.messageId(), MessageDirection.OUTBOUND, message.body(), Instant.now());
        visitors.each(message.to().value(), connection -> connection.send(frame));
        return DeliveryReceipt.delivered("webchat:" + message.messageId());
    }
}
