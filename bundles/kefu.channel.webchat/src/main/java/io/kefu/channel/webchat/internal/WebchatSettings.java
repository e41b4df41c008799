package io.kefu.channel.webchat.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Checked web chat settings. */
record WebchatSettings(Set<String> allowedOrigins, int maxMessageChars, int messagesPerMinute, Duration idleTimeout) {
    WebchatSettings {
        if (maxMessageChars < 1 || messagesPerMinute < 1 || idleTimeout.toSeconds() < 30) {
            throw new IllegalArgumentException("web chat limits must be positive and the idle timeout at least 30 s");
        }
    }

    static WebchatSettings from(WebchatConfig config) {
        Set<String> origins = Arrays.stream(config.allowedOrigins().split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .collect(Collectors.toUnmodifiableSet());
        return new WebchatSettings(origins, config.maxMessageChars(), config.messagesPerMinute(),
                Duration.ofSeconds(config.idleTimeoutSeconds()));
    }

    static WebchatSettings defaults() {
        return new WebchatSettings(Set.of("*"), 2000, 30, Duration.ofSeconds(120));
    }

    /** Browsers always send Origin; other clients may not, and are not the cross-site risk this check is for. */
    boolean admits(String origin) {
        return origin == null || allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
