package io.kefu.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins within {@code window} for the same
 * username, or five times as many from the same address, further attempts are refused until the oldest failure
 * leaves the window. Kept in memory: a restart forgives, which is acceptable for a throttle (the passwords are
 * bcrypt-hashed), and it costs no database write per attempt.
 */
final class LoginThrottle {
    private final Clock clock;
    private volatile int maxFailures;
    private volatile Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        configure(maxFailures, window);
    }

    void configure(int maxFailures, Duration window) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("login throttle needs maxFailures >= 1 and a positive window");
        }
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long the caller must wait before trying again, or {@link Duration#ZERO}. */
    Duration retryAfter(String username, String address) {
        Duration user = wait("user:" + username.toLowerCase(), maxFailures);
        Duration ip = wait("ip:" + address, maxFailures * 5);
        return user.compareTo(ip) >= 0 ? user : ip;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record("user:" + username.toLowerCase(), now);
        record("ip:" + address, now);
    }

    void succeeded(String username) {
        failures.remove("user:" + username.toLowerCase());
    }

    private void record(String key, Instant at) {
        Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (list) {
            prune(list, at);
            list.addLast(at);
        }
    }

    private Duration wait(String key, int limit) {
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        synchronized (list) {
            prune(list, now);
            if (list.isEmpty()) {
                failures.remove(key, list);
            }
            if (list.size() < limit) {
                return Duration.ZERO;
            }
            // The attempt that would free a slot: the failure that pushed the count over the limit leaves the window.
            Instant freed = list.stream().skip(list.size() - limit).findFirst().orElseThrow().plus(window);
            return Duration.between(now, freed).plusSeconds(1);
        }
    }

    private void prune(Deque<Instant> list, Instant now) {
        Instant horizon = now.minus(window);
        while (!list.isEmpty() && list.peekFirst().isBefore(horizon)) {
            list.pollFirst();
        }
    }
}
