package io.kefu.ticketing.internal;

/** Where a ticket's SLA target stands. */
public enum SlaState {
    RUNNING, WARNED, PAUSED, MET, BREACHED;

    boolean finished() {
        return this == MET || this == BREACHED;
    }
}
