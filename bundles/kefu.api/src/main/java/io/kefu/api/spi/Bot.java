package io.kefu.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bot that answers customers before a person does. While one is registered that answers a channel, new
 * conversations on that channel start bot-handled ({@link io.kefu.api.conversation.HandlingState#BOT}); without
 * one they start queued for agents, so removing a bot never strands a customer.
 */
@ConsumerType
public interface Bot {
    /** Whether this bot takes new conversations arriving on {@code channel} (such as {@code webchat}). */
    boolean answers(String channel);
}
