package io.kefu.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code conf/kefu.store.cfg} on the first start, with the embedded H2 settings and, commented out, what to
 * write for MySQL or MariaDB. The store waits for this file (its configuration is required), so it never opens a
 * database before the operator's own settings are read: otherwise a first start against MySQL could race the
 * configuration and create an H2 database nobody wanted.
 */
@Component(immediate = true)
public final class DefaultStoreConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultStoreConfiguration.class);
    static final Path FILE = Path.of("conf", "kefu.store.cfg");

    @Activate
    public DefaultStoreConfiguration() throws IOException {
        if (Files.exists(FILE)) {
            return;
        }
        Files.createDirectories(FILE.getParent());
        String text = """
                # Kefu database (configuration PID kefu.store). Edits to the pool size apply while Kefu runs;
                # a new url, user or password applies at the next start.
                #
                # Embedded H2 under data/: nothing to install.
                url=%s
                user=sa
                password=
                #
                # MySQL 8+ or MariaDB 10.6+: create an empty database (utf8mb4) and a user, then use for example
                # url=jdbc:mysql://127.0.0.1:3306/kefu?connectionTimeZone=UTC
                # user=kefu
                # password=...
                #
                # maximumPoolSize=10
                # connectionTimeoutMillis=10000
                """.formatted(ConnectionSettings.DEFAULT_URL);
        Files.writeString(FILE, text, StandardCharsets.UTF_8);
        LOG.info("Wrote the default database configuration to {}", FILE.toAbsolutePath());
    }
}
