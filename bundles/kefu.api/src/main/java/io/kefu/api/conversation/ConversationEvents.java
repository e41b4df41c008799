package io.kefu.api.conversation;

/**
 * Event Admin topics the conversation bundle posts after each committed change, and their property names. Later
 * stages (NLU, the bot, routing, analytics) and the workbench's live updates subscribe to them.
 */
public final class ConversationEvents {
    /** A customer's message was stored. Properties: conversation, customer, message, channel. */
    public static final String MESSAGE_RECEIVED = "kefu/conversation/MESSAGE_RECEIVED";
    /** An agent's reply or note was stored. Properties: conversation, customer, message, channel, actor. */
    public static final String MESSAGE_SENT = "kefu/conversation/MESSAGE_SENT";
    /** A new conversation was opened. Properties: conversation, customer, channel. */
    public static final String OPENED = "kefu/conversation/OPENED";
    /** The assignee changed. Properties: conversation, assignee (absent when unassigned), actor. */
    public static final String ASSIGNED = "kefu/conversation/ASSIGNED";
    /** Routing put the conversation in a queue. Properties: conversation, queue (absent when taken out), actor. */
    public static final String QUEUED = "kefu/conversation/QUEUED";
    /** The conversation left the bot for a person. Properties: conversation, actor. */
    public static final String HANDED_OFF = "kefu/conversation/HANDED_OFF";
    /** The status changed (resolved, reopened, closed). Properties: conversation, status, actor. */
    public static final String STATUS_CHANGED = "kefu/conversation/STATUS_CHANGED";
    /** A reply was delivered or given up on. Properties: conversation, message, status (SENT or FAILED). */
    public static final String DELIVERY_CHANGED = "kefu/conversation/DELIVERY_CHANGED";
    /** Every topic of this bundle, for subscribers that want all: {@code kefu/conversation/*}. */
    public static final String ALL = "kefu/conversation/*";

    public static final String CONVERSATION = "conversation";
    public static final String CUSTOMER = "customer";
    public static final String MESSAGE = "message";
    public static final String CHANNEL = "channel";
    public static final String ASSIGNEE = "assignee";
    public static final String QUEUE = "queue";
    public static final String STATUS = "status";
    public static final String ACTOR = "actor";

    private ConversationEvents() {
    }
}
