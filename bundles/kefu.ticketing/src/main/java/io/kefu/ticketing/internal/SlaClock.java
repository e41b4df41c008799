package io.kefu.ticketing.internal;

import io.kefu.ticketing.internal.TicketMapper.SlaRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The arithmetic of a ticket's service-level targets, on their rows: business time used, when to warn, when the
 * target is breached. No database and no engine: {@link TicketService} applies it inside the transaction that
 * changes the ticket, and the lifecycle's one SLA timer fires at {@link #next} of the ticket's targets.
 */
final class SlaClock {
    /** A deadline reached within this much of the target counts as the target itself (timers fire a little late). */
    static final long TOLERANCE_MS = 1000;

    /**
     * Where the SLA timer waits while none of the ticket's targets runs (paused, met or breached): far ahead, until
     * a change that starts a target again moves it back.
     */
    static final Instant PARKED = Instant.parse("2999-12-31T00:00:00Z");

    /** What a check found. */
    enum Event {
        NONE, WARNED, BREACHED
    }

    record Checked(SlaRow row, Event event) {
    }

    private final double warnShare;

    SlaClock(double warnShare) {
        this.warnShare = warnShare;
    }

    static boolean running(SlaRow row) {
        SlaState state = SlaState.valueOf(row.state());
        return state == SlaState.RUNNING || state == SlaState.WARNED;
    }

    static long goal(SlaTarget target, SlaPolicies.Targets targets) {
        return (target == SlaTarget.FIRST_RESPONSE ? targets.firstResponse() : targets.resolution()).toMillis();
    }

    /** The business time a target has used by {@code now}. */
    static long consumed(SlaRow row, SlaPolicies.Targets targets, Instant now) {
        return row.consumedMs() + (row.runningSince() == null ? 0
                : targets.calendar().between(row.runningSince(), now).toMillis());
    }

    /** A new target, running from {@code now}. */
    SlaRow start(long ticketId, SlaTarget target, SlaPolicies.Targets targets, Instant now) {
        SlaRow fresh = new SlaRow(ticketId, target.name(), targets.name(), goal(target, targets), 0, now,
                SlaState.RUNNING.name(), null, null, null, null, now, now);
        return schedule(fresh, targets, goal(target, targets), 0, now);
    }

    /**
     * Running from {@code now} with {@code consumedMs} used: the breach time and, until it is passed, the warning
     * time, by the targets' calendar. A target already warned for the same goal stays warned.
     */
    SlaRow schedule(SlaRow row, SlaPolicies.Targets targets, long goalMs, long consumedMs, Instant now) {
        long warnMs = (long) (goalMs * warnShare);
        boolean warned = consumedMs >= warnMs
                || (SlaState.valueOf(row.state()) == SlaState.WARNED && row.targetMs() == goalMs);
        Instant due = targets.calendar().plus(now, Duration.ofMillis(Math.max(0, goalMs - consumedMs)));
        Instant warnAt = warned ? null : targets.calendar().plus(now, Duration.ofMillis(warnMs - consumedMs));
        return new SlaRow(row.ticketId(), row.target(), targets.name(), goalMs, consumedMs, now,
                (warned ? SlaState.WARNED : SlaState.RUNNING).name(), due, warnAt, null, null, row.startedAt(), now);
    }

    /** The ticket waits on the customer: a running target stops counting. */
    SlaRow pause(SlaRow row, SlaPolicies.Targets targets, Instant now) {
        if (!running(row)) {
            return row;
        }
        return new SlaRow(row.ticketId(), row.target(), row.policy(), row.targetMs(), consumed(row, targets, now), null,
                SlaState.PAUSED.name(), null, null, null, null, row.startedAt(), now);
    }

    /** The customer answered: a paused target counts again from now. */
    SlaRow resume(SlaRow row, SlaPolicies.Targets targets, Instant now) {
        if (SlaState.valueOf(row.state()) != SlaState.PAUSED) {
            return row;
        }
        return schedule(row, targets, goal(SlaTarget.valueOf(row.target()), targets), row.consumedMs(), now);
    }

    /** The target was reached: a running or paused target is met. */
    SlaRow met(SlaRow row, SlaPolicies.Targets targets, Instant now) {
        if (SlaState.valueOf(row.state()).finished()) {
            return row;
        }
        return new SlaRow(row.ticketId(), row.target(), row.policy(), row.targetMs(), consumed(row, targets, now), null,
                SlaState.MET.name(), row.dueAt(), null, now, null, row.startedAt(), now);
    }

    /** The priority or team changed: a target not yet over takes the goal of {@code targets} with the time it used. */
    SlaRow retarget(SlaRow row, SlaPolicies.Targets targets, SlaPolicies.Targets was, Instant now) {
        SlaState state = SlaState.valueOf(row.state());
        long goal = goal(SlaTarget.valueOf(row.target()), targets);
        if (state == SlaState.PAUSED) {
            return new SlaRow(row.ticketId(), row.target(), targets.name(), goal, row.consumedMs(), null,
                    row.state(), null, null, null, null, row.startedAt(), now);
        }
        if (!running(row)) {
            return row;
        }
        return schedule(row, targets, goal, consumed(row, was, now), now);
    }

    /**
     * The SLA timer fired: a running target past its goal is breached, one past its warning time is warned (and
     * counts on from now); anything else is left as it is (the timer may fire early: deadlines only move later
     * without it being moved).
     */
    Checked check(SlaRow row, SlaPolicies.Targets targets, Instant now) {
        if (!running(row)) {
            return new Checked(row, Event.NONE);
        }
        long used = consumed(row, targets, now);
        if (used >= row.targetMs() - TOLERANCE_MS) {
            return new Checked(new SlaRow(row.ticketId(), row.target(), row.policy(), row.targetMs(), used, null,
                    SlaState.BREACHED.name(), row.dueAt(), null, null, now, row.startedAt(), now), Event.BREACHED);
        }
        long warnMs = (long) (row.targetMs() * warnShare);
        if (SlaState.valueOf(row.state()) == SlaState.RUNNING && used >= warnMs - TOLERANCE_MS) {
            return new Checked(new SlaRow(row.ticketId(), row.target(), row.policy(), row.targetMs(), used, now,
                    SlaState.WARNED.name(), row.dueAt(), null, null, null, row.startedAt(), now), Event.WARNED);
        }
        return new Checked(row, Event.NONE);
    }

    /** When the SLA timer should fire next: the earliest warning or breach of the running targets, or null. */
    static Instant next(Collection<SlaRow> rows) {
        Instant next = null;
        for (SlaRow row : rows) {
            if (!running(row)) {
                continue;
            }
            Instant at = row.warnAt() != null ? row.warnAt() : row.dueAt();
            if (at != null && (next == null || at.isBefore(next))) {
                next = at;
            }
        }
        return next;
    }
}
