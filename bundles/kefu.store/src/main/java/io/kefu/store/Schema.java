package io.kefu.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tables one bundle owns. Its migrations are the files {@code db/migration/<module>/V<n>__<what>.sql} inside
 * that bundle (found through {@code anchor}, any class of the bundle), and its applied versions are kept in a
 * history table of its own, so modules evolve independently.
 */
public record Schema(String module, Class<?> anchor) {
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    public Schema {
        Objects.requireNonNull(anchor, "anchor");
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("schema module must match " + MODULE + ": " + module);
        }
    }

    /** Folder of the migration files inside the owning bundle. */
    public String location() {
        return "db/migration/" + module;
    }
}
