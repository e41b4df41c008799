package io.kefu.routing.facts;

import java.util.Locale;

/**
 * The conversation routing decides about, as the rules see it. {@code trigger} says why the rules run now:
 * {@code NEW} (a conversation that goes to people directly), {@code HANDOFF} (the bot handed it over),
 * {@code MESSAGE} (the customer wrote again while it waits or is with an agent) or {@code WAITING} (the periodic
 * look at conversations still waiting). {@code sentiment} is POSITIVE, NEUTRAL, NEGATIVE or ANGRY; {@code text}
 * is the customer's latest message.
 */
public final class Contact {
    private String conversationId;
    private String customerId;
    private String channel;
    private String trigger;
    private String intent;
    private double confidence;
    private String sentiment = "NEUTRAL";
    private int angryMessages;
    private String text = "";
    private long waitingSeconds;
    private String queue;
    private boolean escalated;
    private boolean withAgent;
    private String lastAgent;

    /** True when the latest message contains {@code word}, ignoring case: keyword rules ("发票", "invoice"). */
    public boolean mentions(String word) {
        return text != null && word != null && !word.isEmpty()
                && text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    public String getConversationId() { return conversationId; }
    public void setConversationId(String conversationId) { this.conversationId = conversationId; }
    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getTrigger() { return trigger; }
    public void setTrigger(String trigger) { this.trigger = trigger; }
    public String getIntent() { return intent; }
    public void setIntent(String intent) { this.intent = intent; }
    public double getConfidence() { return confidence; }
    public void setConfidence(double confidence) { this.confidence = confidence; }
    public String getSentiment() { return sentiment; }
    public void setSentiment(String sentiment) { this.sentiment = sentiment; }
    /** How many of the customer's messages in this conversation were angry. */
    public int getAngryMessages() { return angryMessages; }
    public void setAngryMessages(int angryMessages) { this.angryMessages = angryMessages; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text == null ? "" : text; }
    /** Seconds since the conversation started waiting for a person (0 before). */
    public long getWaitingSeconds() { return waitingSeconds; }
    public void setWaitingSeconds(long waitingSeconds) { this.waitingSeconds = waitingSeconds; }
    /** The queue it waits in now, or null. */
    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    /** True once a rule escalated it; escalation rules check it so they act once. */
    public boolean isEscalated() { return escalated; }
    public void setEscalated(boolean escalated) { this.escalated = escalated; }
    /** True while an agent holds it (rules then only escalate; they do not move it). */
    public boolean isWithAgent() { return withAgent; }
    public void setWithAgent(boolean withAgent) { this.withAgent = withAgent; }
    /** The agent (user id) who last served this customer, or null. */
    public String getLastAgent() { return lastAgent; }
    public void setLastAgent(String lastAgent) { this.lastAgent = lastAgent; }
}
