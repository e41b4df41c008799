package io.kefu.platform.internal;

/**
 * A bundle as admins see it. {@code plugin} is true for bundles installed from the plugins/ folder;
 * {@code problem} says why the bundle or one of its components does not work, or is null.
 */
public record InstalledBundle(long id, String symbolicName, String name, String version, String state,
        boolean plugin, String location, String problem) {
}
