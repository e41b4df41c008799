package io.kefu.channel.email.internal;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Just enough of a BundleContext to see which services a component registers, with which properties. */
final class FakeBundleContext {
    /** One registered service: its interfaces and its current properties (empty once unregistered). */
    record Registered(List<String> interfaces, Map<String, Object> properties) {
    }

    final List<Registered> registered = new CopyOnWriteArrayList<>();

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof String[] names)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Registered service = new Registered(List.of(names), new HashMap<>(map((Dictionary<?, ?>) args[2])));
                    registered.add(service);
                    return registration(service);
                });
    }

    private static ServiceRegistration<?> registration(Registered service) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(FakeBundleContext.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setProperties" -> {
                            service.properties().clear();
                            service.properties().putAll(map((Dictionary<?, ?>) args[0]));
                        }
                        case "unregister" -> service.properties().clear();
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    private static Map<String, Object> map(Dictionary<?, ?> dictionary) {
        Map<String, Object> map = new HashMap<>();
        for (Object key : Collections.list(dictionary.keys())) {
            map.put((String) key, dictionary.get(key));
        }
        return map;
    }
}
