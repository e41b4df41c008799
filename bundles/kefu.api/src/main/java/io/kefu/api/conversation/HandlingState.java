package io.kefu.api.conversation;

/** Who is answering right now: the bot, nobody yet (waiting in a queue), or a person. */
public enum HandlingState {
    BOT, QUEUED, AGENT
}
