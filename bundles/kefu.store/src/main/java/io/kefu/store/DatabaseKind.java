package io.kefu.store;

/**
 * The databases Kefu runs on. Migrations and SQL are written once for both; MyBatis statements that must differ
 * select themselves with {@code databaseId} equal to {@link #databaseId()}.
 */
public enum DatabaseKind {
    /** Embedded H2 in MySQL compatibility mode: nothing to install. */
    H2("h2"),
    /** MySQL 8+ or MariaDB 10.6+, through mysql-connector-j. */
    MYSQL("mysql");

    private final String databaseId;

    DatabaseKind(String databaseId) {
        this.databaseId = databaseId;
    }

    public String databaseId() {
        return databaseId;
    }

    /** The kind a JDBC URL points at. */
    public static DatabaseKind ofUrl(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:"))) {
            return MYSQL;
        }
        throw new IllegalArgumentException(
                "unsupported JDBC URL '" + jdbcUrl + "': use jdbc:h2:... or jdbc:mysql://host:port/database");
    }
}
