package io.kefu.api.agent;

/** Whether an agent takes new work. Away agents keep their conversations but get no new ones. */
public enum Presence {
    ONLINE, AWAY, OFFLINE
}
