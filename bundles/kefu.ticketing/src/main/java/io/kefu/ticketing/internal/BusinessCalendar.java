package io.kefu.ticketing.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When the service desk works: business days, opening hours and holidays in one time zone. SLA clocks count only
 * this time, so a ticket opened on Friday evening is not late on Monday morning. {@link #ALWAYS} counts every
 * moment (24/7 targets, such as urgent tickets).
 */
public final class BusinessCalendar {
    /** Every moment counts. */
    public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneId.of("UTC"), Set.of(DayOfWeek.values()),
            LocalTime.MIN, null, Set.of());

    /** Looks at most this far ahead for working time (a calendar with no working day at all would loop). */
    private static final int HORIZON_DAYS = 3 * 366;

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime opens;
    /** Null for midnight at the end of the day. */
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one business day");
        }
        if (closes != null && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("business hours must close after they open: " + opens + "-" + closes);
        }
        this.zone = zone;
        this.days = Set.copyOf(days);
        this.opens = opens;
        this.closes = closes;
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    private boolean working(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private ZonedDateTime open(LocalDate date) {
        return date.atTime(opens).atZone(zone);
    }

    private ZonedDateTime close(LocalDate date) {
        return closes == null ? date.plusDays(1).atStartOfDay(zone) : date.atTime(closes).atZone(zone);
    }

    /** The moment {@code amount} of business time after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative() || amount.isZero()) {
            return start;
        }
        Duration left = amount;
        ZonedDateTime at = start.atZone(zone);
        LocalDate date = at.toLocalDate();
        for (int i = 0; i < HORIZON_DAYS; i++, date = date.plusDays(1)) {
            if (!working(date)) {
                continue;
            }
            ZonedDateTime from = open(date).isAfter(at) ? open(date) : at;
            ZonedDateTime to = close(date);
            if (!from.isBefore(to)) {
                continue;
            }
            Duration available = Duration.between(from, to);
            if (available.compareTo(left) >= 0) {
                return from.plus(left).toInstant();
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no business time within " + HORIZON_DAYS + " days of " + start);
    }

    /** The business time between {@code from} and {@code to} (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!working(date)) {
                continue;
            }
            ZonedDateTime a = open(date).isAfter(start) ? open(date) : start;
            ZonedDateTime b = close(date).isBefore(end) ? close(date) : end;
            if (a.isBefore(b)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }
}
