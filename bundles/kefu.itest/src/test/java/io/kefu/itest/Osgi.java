package io.kefu.itest;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;

/** The framework as the tests see it: this bundle's context, services, and waiting for things to happen. */
final class Osgi {
    /** Generous for a 2-core build machine; a healthy runtime is ready in a few seconds. */
    static final Duration STARTUP = Duration.ofSeconds(60);

    /**
     * Trackers stay open for the whole run. Closing one would "unget" the service, and Declarative Services
     * deactivates a delayed component whose last user let go of it, which would throw away what a test just set up
     * (the first admin, a migrated schema) and make the next test start it again.
     */
    private static final Map<Class<?>, ServiceTracker<?, ?>> TRACKERS = new ConcurrentHashMap<>();

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    /** A run property from the bndrun (framework properties fall back to system properties). */
    static String property(String name, String fallback) {
        String value = context().getProperty(name);
        return value == null ? fallback : value;
    }

    static <T> ServiceTracker<T, T> tracker(Class<T> type) {
        @SuppressWarnings("unchecked")
        ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) TRACKERS.computeIfAbsent(type, t -> {
            ServiceTracker<T, T> opened = new ServiceTracker<>(context(), type, null);
            opened.open();
            return opened;
        });
        return tracker;
    }

    /** The service, waiting while the runtime starts; fails the test when it never comes. */
    static <T> T service(Class<T> type) {
        try {
            T service = tracker(type).waitForService(STARTUP.toMillis());
            if (service == null) {
                throw new AssertionFailedError("No " + type.getName() + " service within " + STARTUP);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("Interrupted while waiting for " + type.getName());
        }
    }

    /**
     * What Declarative Services says about a component of a bundle: its state, unsatisfied references, the services
     * bound to the others and its own service, for failure messages.
     */
    static String component(String bundleName, String componentName) {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        Bundle bundle = Arrays.stream(context().getBundles()).filter(b -> bundleName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
        ComponentDescriptionDTO description = bundle == null ? null
                : scr.getComponentDescriptionDTO(bundle, componentName);
        if (description == null) {
            return "component " + componentName + " not found in bundle " + bundleName;
        }
        StringBuilder text = new StringBuilder("component " + componentName + ":");
        for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
            text.append(" state ").append(configuration.state).append(" (2 unsatisfied reference, 4 satisfied,")
                    .append(" 8 active, 16 failed activation");
            if (configuration.failure != null) {
                text.append(": ").append(configuration.failure);
            }
            text.append("), unsatisfied:");
            for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                text.append(' ').append(reference.name);
            }
            text.append(", bound:");
            for (SatisfiedReferenceDTO reference : configuration.satisfiedReferences) {
                text.append(' ').append(reference.name).append(Arrays.toString(
                        Arrays.stream(reference.boundServices).mapToLong(s -> s.id).toArray()));
            }
            text.append(", service ").append(configuration.service == null ? "none" : configuration.service.id)
                    .append(';');
        }
        return text.toString();
    }

    /** Polls until the condition holds; fails with {@code what} after the timeout. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("Interrupted while waiting for " + what);
            }
        }
    }
}
