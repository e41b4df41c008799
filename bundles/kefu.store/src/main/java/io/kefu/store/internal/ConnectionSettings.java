package io.kefu.store.internal;

import io.kefu.store.DatabaseKind;
import java.util.Map;
import java.util.Objects;

/**
 * Validated database settings. Numbers arrive as text from hand-edited files, so they are parsed here, where a
 * mistake can be reported with the setting's name instead of surfacing as a zero pool size.
 */
record ConnectionSettings(String url, String user, String password, int maximumPoolSize, long connectionTimeoutMillis) {

    /**
     * Embedded H2 in MySQL mode, so that one set of migrations serves both databases. Lower-case identifiers
     * match MySQL on Linux; the file lives under data/ of the Kefu home (the working directory). H2 keeps only 8
     * parsed statements per connection by default, fewer than message ingest alone uses, and parsing SQL was a sixth
     * of the server's CPU under load (docs/performance.md): 64 keeps them all.
     */
    static final String DEFAULT_URL = "jdbc:h2:file:./data/kefu;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;QUERY_CACHE_SIZE=64";

    ConnectionSettings {
        Objects.requireNonNull(url, "url");
        DatabaseKind.ofUrl(url);
        if (maximumPoolSize < 1 || maximumPoolSize > 200) {
            throw new IllegalArgumentException("maximumPoolSize must be between 1 and 200, was " + maximumPoolSize);
        }
        if (connectionTimeoutMillis < 250) {
            throw new IllegalArgumentException("connectionTimeoutMillis must be at least 250, was " + connectionTimeoutMillis);
        }
    }

    DatabaseKind kind() {
        return DatabaseKind.ofUrl(url);
    }

    static ConnectionSettings from(StoreConfig config) {
        return new ConnectionSettings(config.url().trim(), config.user(), config._password(),
                number("maximumPoolSize", config.maximumPoolSize()),
                number("connectionTimeoutMillis", config.connectionTimeoutMillis()));
    }

    /** Settings for tests and tools outside OSGi. */
    static ConnectionSettings of(String url, String user, String password) {
        return new ConnectionSettings(url, user, password, 5, 10_000);
    }

    private static int number(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
        }
    }

    /** For logs: the URL without credentials that some drivers accept inside it. */
    String redactedUrl() {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    Map<String, Object> describe() {
        return Map.of("kind", kind().name(), "url", redactedUrl(), "user", user);
    }
}
