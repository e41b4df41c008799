package io.kefu.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code conf/kefu.store.cfg} on the first start, with the embedded H2 settings and, commented out, what to
 * write for MySQL or MariaDB. The store waits for its configuration (it is required), so it never opens a database
 * before the operator's own settings are read: otherwise a first start against MySQL could race the configuration
 * and create an H2 database nobody wanted. When this writes the defaults it also hands them to ConfigAdmin at once,
 * so that a first start does not wait for the file watcher's next poll.
 */
@Component(immediate = true)
public final class DefaultStoreConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultStoreConfiguration.class);
    static final Path FILE = Path.of("conf", "kefu.store.cfg");

    @Activate
    public DefaultStoreConfiguration(@Reference ConfigurationAdmin configurationAdmin) throws IOException {
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
                .password=
                #
                # MySQL 8+ or MariaDB 10.6+: create an empty database (utf8mb4) and a user, then use for example
                # url=jdbc:mysql://127.0.0.1:3306/kefu?connectionTimeZone=UTC
                # user=kefu
                # .password=...   (the leading dot keeps the password out of service properties)
                #
                # maximumPoolSize=32
                # connectionTimeoutMillis=10000
                """.formatted(ConnectionSettings.DEFAULT_URL);
        Files.writeString(FILE, text, StandardCharsets.UTF_8);
        LOG.info("Wrote the default database configuration to {}", FILE.toAbsolutePath());
        Configuration configuration = configurationAdmin.getConfiguration("kefu.store", "?");
        if (configuration.getProperties() == null) {
            Hashtable<String, Object> defaults = new Hashtable<>();
            defaults.put("url", ConnectionSettings.DEFAULT_URL);
            defaults.put("user", "sa");
            defaults.put(".password", "");
            configuration.update(defaults);
        }
    }
}
