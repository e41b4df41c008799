package io.kefu.store.internal;

import io.kefu.store.Schema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The migration files of one schema, read from the bundle that owns them. Flyway's own class-path scanning looks
 * in Flyway's bundle, not the owner's, so Kefu lists the owner's entries itself. Outside OSGi (tests, tools) the
 * files are found through the anchor's class loader in a folder or a jar.
 */
final class MigrationFiles implements ResourceProvider {
    private final List<MigrationFile> files;

    MigrationFiles(Schema schema) {
        this.files = List.copyOf(list(schema));
    }

    List<String> names() {
        return files.stream().map(MigrationFile::getFilename).sorted().toList();
    }

    @Override
    public LoadableResource getResource(String name) {
        return files.stream().filter(f -> f.getRelativePath().equals(name) || f.getFilename().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (MigrationFile file : files) {
            String name = file.getFilename();
            if (name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith)) {
                matching.add(file);
            }
        }
        return matching;
    }

    private static List<MigrationFile> list(Schema schema) {
        Bundle bundle = FrameworkUtil.getBundle(schema.anchor());
        return bundle != null ? fromBundle(bundle, schema.location()) : fromClassLoader(schema);
    }

    private static List<MigrationFile> fromBundle(Bundle bundle, String location) {
        List<MigrationFile> found = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(location, "*.sql", false);
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                String path = url.getPath();
                found.add(new MigrationFile(location, path.substring(path.lastIndexOf('/') + 1), url));
            }
        }
        return found;
    }

    private static List<MigrationFile> fromClassLoader(Schema schema) {
        URL folder = schema.anchor().getClassLoader().getResource(schema.location());
        if (folder == null) {
            return List.of();
        }
        try {
            if ("file".equals(folder.getProtocol())) {
                try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
                    return paths.filter(p -> p.toString().endsWith(".sql"))
                            .map(p -> new MigrationFile(schema.location(), p.getFileName().toString(), toUrl(p)))
                            .toList();
                }
            }
            if ("jar".equals(folder.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                String prefix = schema.location() + "/";
                List<MigrationFile> found = new ArrayList<>();
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(prefix) && n.endsWith(".sql") && n.indexOf('/', prefix.length()) < 0)
                            .forEach(n -> found.add(new MigrationFile(schema.location(), n.substring(prefix.length()),
                                    schema.anchor().getClassLoader().getResource(n))));
                }
                return found;
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list migrations in " + folder, e);
        }
        throw new IllegalStateException("cannot list migrations in " + folder + ": unsupported URL protocol");
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One SQL migration, read as UTF-8 when Flyway applies it. */
    static final class MigrationFile extends LoadableResource {
        private final String location;
        private final String fileName;
        private final URL url;

        MigrationFile(String location, String fileName, URL url) {
            this.location = location;
            this.fileName = fileName;
            this.url = url;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + location + "/" + fileName, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return location + "/" + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toString();
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
