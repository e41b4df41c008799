package io.kefu.channel.webchat.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Who is connected: each visitor (one browser, known by a random id it keeps) may have several open connections
 * (tabs). The id is the visitor's only credential, so it is 128 random bits, and an id of any other shape is
 * replaced by a new one rather than trusted.
 */
final class Visitors {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Set<VisitorConnection>> connections = new ConcurrentHashMap<>();

    String validOrNew(String visitorId) {
        if (visitorId != null && ID.matcher(visitorId).matches()) {
            return visitorId;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    void add(String visitorId, VisitorConnection connection) {
        connections.computeIfAbsent(visitorId, id -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void remove(String visitorId, VisitorConnection connection) {
        connections.computeIfPresent(visitorId, (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** Runs {@code action} for every open connection of the visitor; returns how many there were. */
    int each(String visitorId, Consumer<VisitorConnection> action) {
        Set<VisitorConnection> set = connections.get(visitorId);
        if (set == null) {
            return 0;
        }
        set.forEach(action);
        return set.size();
    }

    int connectionCount() {
        return connections.values().stream().mapToInt(Set::size).sum();
    }
}
