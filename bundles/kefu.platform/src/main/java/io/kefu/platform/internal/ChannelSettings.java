package io.kefu.platform.internal;

import io.kefu.api.security.AuditLog;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The channel settings admins edit in the workbench. They are the same {@code conf/*.cfg} files an operator edits
 * by hand (one per mailbox, app, ...), so there is one truth and FileInstall applies either kind of change; each
 * component validates what it receives and keeps its last good settings when an edit is wrong. Which keys exist,
 * their labels, types and help come from each bundle's metatype, so a vendor's channel with an
 * {@code @ObjectClassDefinition} gets its settings form for free once its PID is listed. Secrets never leave the
 * server: they are masked when read and kept when the mask comes back.
 */
@Component(service = ChannelSettings.class)
public final class ChannelSettings {
    static final List<String> PIDS = List.of("kefu.channel.webhook", "kefu.channel.email", "kefu.channel.webchat",
            "kefu.conversation");
    static final String MASK = "********";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final BundleContext context;
    private final MetaTypeService metatype;
    private final KefuHome home;
    private final AuditLog audit;

    @Activate
    public ChannelSettings(BundleContext context, @Reference MetaTypeService metatype, @Reference KefuHome home,
            @Reference AuditLog audit) {
        this.context = context;
        this.metatype = metatype;
        this.home = home;
        this.audit = audit;
    }

    /** One editable setting, as the form shows it. */
    public record Field(String key, String label, String type, boolean required, boolean secret, String help,
            String defaultValue) {
    }

    /** A kind of configuration: a factory (many instances, such as mailboxes) or a single one. */
    public record Kind(String factoryPid, String title, boolean factory, List<Field> fields) {
    }

    /** One configuration file, secrets masked. */
    public record Configuration(String factoryPid, String name, Map<String, String> properties, String file) {
    }

    public record Overview(List<Kind> kinds, List<Configuration> configurations) {
    }

    Overview overview() {
        List<Kind> kinds = new ArrayList<>();
        List<Configuration> configurations = new ArrayList<>();
        for (String pid : PIDS) {
            Optional<Kind> kind = kind(pid);
            if (kind.isEmpty()) {
                continue; // the bundle is not installed
            }
            kinds.add(kind.get());
            for (Path file : files(pid, kind.get().factory())) {
                configurations.add(masked(kind.get(), nameOf(pid, file), read(file), file));
            }
        }
        return new Overview(kinds, configurations);
    }

    Configuration save(String pid, String name, Map<String, String> submitted, String actor) {
        Kind kind = kind(pid).orElseThrow(() -> new IllegalArgumentException("no settings called " + pid));
        if (kind.factory() && (name == null || !NAME.matcher(name).matches())) {
            throw new IllegalArgumentException("the name must be 1-32 characters of a-z, 0-9, '-' and '_'");
        }
        if (!kind.factory() && name != null) {
            throw new IllegalArgumentException(pid + " has a single configuration; it takes no name");
        }
        Path file = file(pid, name);
        Map<String, String> stored = Files.exists(file) ? read(file) : Map.of();
        Map<String, String> next = new TreeMap<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        kind.fields().forEach(f -> fields.put(f.key(), f));
        for (var entry : submitted.entrySet()) {
            Field field = fields.get(entry.getKey());
            if (field == null) {
                throw new IllegalArgumentException("unknown setting '" + entry.getKey() + "' for " + pid);
            }
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(field.label() + " must be a single line");
            }
            if (field.secret() && MASK.equals(value)) {
                value = stored.getOrDefault(entry.getKey(), "");
            }
            if (!value.isEmpty()) {
                next.put(entry.getKey(), value);
            }
        }
        for (Field field : kind.fields()) {
            if (field.required() && !next.containsKey(field.key())) {
                throw new IllegalArgumentException(field.label() + " is required");
            }
        }
        write(file, next);
        audit.record(actor, "settings.save", "settings:" + file.getFileName(), String.join(", ", next.keySet()));
        return masked(kind, name, next, file);
    }

    void delete(String pid, String name, String actor) {
        Kind kind = kind(pid).orElseThrow(() -> new IllegalArgumentException("no settings called " + pid));
        if (!kind.factory() || name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("only named configurations of a factory can be deleted");
        }
        Path file = file(pid, name);
        try {
            if (!Files.deleteIfExists(file)) {
                throw new java.util.NoSuchElementException("no configuration " + name + " of " + pid);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + file + ": " + e.getMessage(), e);
        }
        audit.record(actor, "settings.delete", "settings:" + file.getFileName(), "");
    }

    private Optional<Kind> kind(String pid) {
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
            if (information == null) {
                continue;
            }
            boolean factory = List.of(information.getFactoryPids()).contains(pid);
            if (!factory && !List.of(information.getPids()).contains(pid)) {
                continue;
            }
            ObjectClassDefinition ocd = information.getObjectClassDefinition(pid, Locale.getDefault().toString());
            List<Field> fields = new ArrayList<>();
            for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                String[] defaults = ad.getDefaultValue();
                boolean secret = ad.getType() == AttributeDefinition.PASSWORD || ad.getID().startsWith(".");
                fields.add(new Field(ad.getID(), label(ad), type(ad), defaults == null, secret, ad.getDescription(),
                        defaults == null || defaults.length == 0 || secret ? null : defaults[0]));
            }
            return Optional.of(new Kind(pid, ocd.getName(), factory, fields));
        }
        return Optional.empty();
    }

    private static String label(AttributeDefinition ad) {
        String name = ad.getName() == null ? ad.getID() : ad.getName();
        return name.startsWith(".") ? name.substring(1) : name;
    }

    private static String type(AttributeDefinition ad) {
        return switch (ad.getType()) {
            case AttributeDefinition.PASSWORD -> "password";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "number";
            default -> ad.getID().toLowerCase(Locale.ROOT).endsWith("url") ? "url" : "text";
        };
    }

    private Configuration masked(Kind kind, String name, Map<String, String> properties, Path file) {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((key, value) -> {
            boolean secret = kind.fields().stream().anyMatch(f -> f.key().equals(key) && f.secret());
            shown.put(key, secret && !value.isEmpty() ? MASK : value);
        });
        return new Configuration(kind.factoryPid(), name, shown, home.home().relativize(file).toString());
    }

    private Path conf() {
        return home.home().resolve("conf");
    }

    private Path file(String pid, String name) {
        return conf().resolve(name == null ? pid + ".cfg" : pid + "-" + name + ".cfg");
    }

    private List<Path> files(String pid, boolean factory) {
        try (Stream<Path> files = Files.list(conf())) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return factory ? n.startsWith(pid + "-") && n.endsWith(".cfg") : n.equals(pid + ".cfg");
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + conf() + ": " + e.getMessage(), e);
        }
    }

    private static String nameOf(String pid, Path file) {
        String n = file.getFileName().toString();
        return n.equals(pid + ".cfg") ? null : n.substring(pid.length() + 1, n.length() - ".cfg".length());
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }

    /** Written to a temporary file and moved into place, so FileInstall never reads half a file. */
    private static void write(Path file, Map<String, String> properties) {
        Properties out = new Properties();
        out.putAll(properties);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".settings-", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.store(writer, "Edited in the Kefu workbench");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
