package io.kefu.bot.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bot did in one conversation. {@code askedSlot} is the detail it asked for and is waiting on (it asks
 * for each detail once), {@code pendingQuestion} the customer's question that waits for it, {@code tried} what it
 * did, in the words the agent reads in the handoff summary.
 */
record BotSession(String conversationId, int failedTurns, String askedSlot, String pendingQuestion, List<String> tried,
        String handoffReason, Instant handedOffAt) {
    BotSession {
        tried = List.copyOf(tried);
    }

    static BotSession start(String conversationId) {
        return new BotSession(conversationId, 0, null, null, List.of(), null, null);
    }

    boolean handedOff() {
        return handedOffAt != null;
    }

    BotSession failed() {
        return new BotSession(conversationId, failedTurns + 1, askedSlot, pendingQuestion, tried, null, null);
    }

    BotSession asking(String slot, String question) {
        return new BotSession(conversationId, failedTurns, slot, pendingQuestion == null ? question : pendingQuestion,
                tried, null, null);
    }

    BotSession answered() {
        return new BotSession(conversationId, failedTurns, null, null, tried, null, null);
    }

    BotSession handedOff(String reason, Instant at) {
        return new BotSession(conversationId, failedTurns, askedSlot, pendingQuestion, tried, reason, at);
    }

    BotSession noting(String what) {
        List<String> more = new ArrayList<>(tried);
        more.add(what);
        // The column holds about 4,000 characters; the oldest entries matter least to the agent.
        while (String.join("\n", more).length() > 3500) {
            more.remove(0);
        }
        return new BotSession(conversationId, failedTurns, askedSlot, pendingQuestion, more, handoffReason, handedOffAt);
    }
}
