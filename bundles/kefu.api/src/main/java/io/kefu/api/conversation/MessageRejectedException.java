package io.kefu.api.conversation;

/**
 * An inbound message Kefu will not store: too long, too many or too large attachments, no sender. The channel
 * answers its sender with the reason (HTTP 413 or 400 for the webhook, an error frame for web chat) instead of
 * acknowledging. {@code code} is stable and machine-readable, such as {@code message.too_long}.
 */
public class MessageRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean tooLarge;

    public MessageRejectedException(String code, String message, boolean tooLarge) {
        super(message);
        this.code = code;
        this.tooLarge = tooLarge;
    }

    public String code() {
        return code;
    }

    /** True when the message was refused for its size (HTTP 413), false when it is malformed (HTTP 400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
