package io.kefu.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases Kefu's data code is tested on: the embedded H2 and the MariaDB/MySQL server at 127.0.0.1:3306
 * (override with {@code -Dkefu.test.mysql.url=jdbc:mysql://host:port/ -Dkefu.test.mysql.user=...}).
 *
 * <p>Each {@link #create()} gives a fresh, empty database that is dropped on close. Where MariaDB is not running,
 * its tests are skipped with a message, except in CI ({@code CI=true}), where they fail: CI must prove both.
 */
public enum TestDatabase {
    H2, MARIADB;

    private static final String MYSQL_URL = System.getProperty("kefu.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final String MYSQL_USER = System.getProperty("kefu.test.mysql.user", "root");
    private static final String MYSQL_PASSWORD = System.getProperty("kefu.test.mysql.password", "");

    /** A new, empty database of this kind. */
    public ScratchDatabase create() {
        return switch (this) {
            case H2 -> createH2();
            case MARIADB -> createMariaDb();
        };
    }

    private static ScratchDatabase createH2() {
        try {
            Path dir = Files.createTempDirectory("kefu-h2-");
            String url = "jdbc:h2:file:" + dir.resolve("kefu") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;QUERY_CACHE_SIZE=64";
            return new ScratchDatabase(url, "sa", "", () -> deleteTree(dir));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScratchDatabase createMariaDb() {
        String name = "kefu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(MYSQL_URL, MYSQL_USER, MYSQL_PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            String why = "MariaDB/MySQL is not reachable at " + MYSQL_URL + " as " + MYSQL_USER + ": " + e.getMessage();
            if (inCi()) {
                throw new IllegalStateException(why + " (CI must run the MariaDB tests)", e);
            }
            Assumptions.abort(why + "; skipping the MariaDB variant of this test (it runs in CI)");
        }
        String url = MYSQL_URL + name + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC";
        return new ScratchDatabase(url, MYSQL_USER, MYSQL_PASSWORD, () -> {
            try (Connection admin = DriverManager.getConnection(MYSQL_URL, MYSQL_USER, MYSQL_PASSWORD);
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name);
            }
        });
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getProperty("kefu.ci"));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
