package io.kefu.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lists the installed bundles and explains the broken ones without touching them: for a bundle that did not
 * resolve, the requirements nothing in the framework provides; for a resolved bundle, its Declarative Services
 * components that failed to activate or wait for a service.
 */
@Component(service = BundleInventory.class)
public final class BundleInventory {
    private final BundleContext context;
    private final KefuHome home;
    private final ServiceComponentRuntime components;

    @Activate
    public BundleInventory(BundleContext context, @Reference KefuHome home, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.home = home;
        this.components = components;
    }

    List<InstalledBundle> bundles() {
        List<InstalledBundle> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            java.nio.file.Path pluginFile = pluginFile(location);
            result.add(new InstalledBundle(bundle.getBundleId(), bundle.getSymbolicName(),
                    bundle.getHeaders("").get(Constants.BUNDLE_NAME), bundle.getVersion().toString(),
                    state(bundle.getState()), pluginFile != null,
                    pluginFile != null ? "plugins/" + pluginFile.getFileName() : location, problem(bundle)));
        }
        result.sort(Comparator.comparingLong(InstalledBundle::id));
        return result;
    }

    /** The jar in plugins/ a bundle was installed from (FileInstall uses file: URLs), or null. */
    java.nio.file.Path pluginFile(String location) {
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of(java.net.URI.create(location)).toAbsolutePath().normalize();
            return file.startsWith(home.plugins().toAbsolutePath().normalize()) ? file : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String problem(Bundle bundle) {
        if (bundle.getState() == Bundle.INSTALLED) {
            String missing = missingRequirements(bundle);
            return missing.isEmpty() ? "Not resolved" : "Cannot resolve: missing " + missing;
        }
        if (bundle.getState() == Bundle.RESOLVED && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
            String components = componentProblems(bundle);
            return components.isEmpty() ? "Resolved but not started" : components;
        }
        if (bundle.getState() == Bundle.ACTIVE) {
            String components = componentProblems(bundle);
            return components.isEmpty() ? null : components;
        }
        return null;
    }

    private String missingRequirements(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return "";
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
            if (Namespace.RESOLUTION_OPTIONAL.equals(resolution)) {
                continue;
            }
            if (wiring.findProviders(requirement).isEmpty()) {
                missing.add(describe(requirement));
            }
        }
        return String.join("; ", missing);
    }

    private static String describe(BundleRequirement requirement) {
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        if (PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace())) {
            return "package " + filter;
        }
        return requirement.getNamespace() + " " + filter;
    }

    private String componentProblems(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add("component " + description.name + " failed to activate: " + configuration.failure);
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    problems.add("component " + description.name + " waits for "
                            + java.util.Arrays.stream(configuration.unsatisfiedReferences)
                                    .map(reference -> reference.name).collect(Collectors.joining(", ")));
                }
            }
        }
        return String.join("; ", problems);
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

}
