package io.kefu.api.nlu;

/**
 * Event Admin topic posted after a customer message is understood (its {@link NluResult} stored and the dialogue
 * state updated); the bot and routing react to it rather than to the raw message.
 */
public final class NluEvents {
    public static final String UNDERSTOOD = "kefu/nlu/UNDERSTOOD";

    public static final String CONVERSATION = "conversation";
    public static final String MESSAGE = "message";
    /** The intent the dialogue is about after this message (possibly carried over from earlier ones); may be absent. */
    public static final String INTENT = "intent";
    public static final String CONFIDENCE = "confidence";
    public static final String OUT_OF_SCOPE = "outOfScope";
    /** A {@link SentimentLabel} name. */
    public static final String SENTIMENT = "sentiment";

    private NluEvents() {
    }
}
