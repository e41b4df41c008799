package io.kefu.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kefu home is the working directory: {@code conf/} (configuration, watched), {@code data/} (the embedded
 * database and generated secrets), {@code logs/} and {@code plugins/} (vendor bundles, watched). This makes sure
 * all four exist and points a second FileInstall watcher at {@code plugins/} for jars only, so that the two
 * folders keep their roles (a jar in conf/ or a .cfg in plugins/ is ignored).
 */
@Component(service = KefuHome.class, immediate = true)
public final class KefuHome {
    static final String FILEINSTALL_FACTORY = "org.apache.felix.fileinstall";
    private static final Logger LOG = LoggerFactory.getLogger(KefuHome.class);

    private final Path home = Path.of("").toAbsolutePath();

    @Activate
    public KefuHome(@Reference ConfigurationAdmin configurationAdmin) throws IOException {
        for (String folder : new String[] {"conf", "data", "logs", "plugins"}) {
            Files.createDirectories(home.resolve(folder));
        }
        Configuration watcher = configurationAdmin.getFactoryConfiguration(FILEINSTALL_FACTORY, "plugins", "?");
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put("felix.fileinstall.dir", plugins().toString());
        properties.put("felix.fileinstall.filter", ".*\\.jar");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.bundles.new.start", "true");
        properties.put("felix.fileinstall.log.level", "3");
        watcher.update(properties);
        LOG.info("Kefu home is {}; plug-ins are read from {}", home, plugins());
    }

    Path home() {
        return home;
    }

    Path plugins() {
        return home.resolve("plugins");
    }
}
