package io.kefu.api.spi;

import io.kefu.api.security.Role;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view a bundle contributes to the web workbench: a web component (a custom element) in an ES module the
 * bundle carries. The shell lists the views the user's roles allow in its navigation and, when one is opened,
 * loads {@link #module()} and creates {@link #element()}. The module is served from the contributing bundle at
 * {@code /workbench/views/<id>/<path inside resourceRoot>}, so nothing else needs registering.
 */
@ConsumerType
public interface WorkbenchView {
    /** Unique id, lower-case with dots or dashes, such as {@code acme.parcel-tracking}. Also the view's URL. */
    String id();

    /** Navigation label. */
    String title();

    /** Tag name of the custom element the module defines; must contain a dash. */
    String element();

    /** Folder inside the contributing bundle that holds the module and its assets, such as {@code /workbench}. */
    String resourceRoot();

    /** Path of the ES module below {@link #resourceRoot()}, such as {@code parcel-tracking.js}. */
    String module();

    /** Roles that see the view; a user needs one of them. */
    Set<Role> roles();

    /** Position in the navigation; lower comes first. Kefu's own views use multiples of 10 below 100. */
    default int order() {
        return 100;
    }
}
