package io.kefu.nlu.embeddings.internal;

import io.kefu.api.spi.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configured encoders beside the framework and registers each as a {@link SentenceEncoder} once its model
 * has loaded, so the intent engine never waits for a model: an encoder is there, ready, or not there yet.
 *
 * <p>The models load one after the other on one thread (English first): on a machine of two cores, loading both at
 * once would take as long and slow Kefu's own start twice as much. Deactivation (the plug-in stopped, updated or
 * removed, or its configuration changed) unregisters every encoder and then frees its model. A load still running is
 * waited for (one model at most, about half a second) and what it loaded is freed unregistered: it is not
 * interrupted, since an interrupt inside ONNX Runtime's or DJL's native loading could leave their classes unusable
 * for the bundle's life, and waiting keeps an old revision's load from overlapping the next revision's, which sets
 * the same JVM-wide DJL settings (NativeFolders). When the whole
 * framework stops, the models are left to the end of the process: ONNX Runtime releases its environment in a JVM
 * shutdown hook that may already have run, and a session closed after its environment could crash the JVM on exit.
 */
@Component(configurationPid = SentenceEncoders.PID, service = {}, immediate = true)
@Designate(ocd = EmbeddingsConfig.class)
public final class SentenceEncoders {
    static final String PID = "kefu.nlu.embeddings";
    private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoders.class);

    private final BundleContext context;
    /** Kept, unlike the context, usable after this bundle stopped (a load that outlived it still asks). */
    private final Bundle framework;
    private final List<Registered> registered = new ArrayList<>();
    private boolean closed; // guarded by registered
    private final Thread loader;

    private record Registered(OnnxSentenceEncoder encoder, ServiceRegistration<SentenceEncoder> registration) {
    }

    @Activate
    public SentenceEncoders(BundleContext context, EmbeddingsConfig config) {
        this.context = context;
        this.framework = context.getBundle(0);
        List<EncoderModel> wanted = new ArrayList<>();
        if (config.english()) {
            wanted.add(EncoderModel.ENGLISH);
        }
        if (config.chinese()) {
            wanted.add(EncoderModel.CHINESE);
        }
        if (wanted.isEmpty()) {
            LOG.info("Configuration {} switches both sentence encoders off; none is registered", PID);
            loader = null;
            return;
        }
        Bundle bundle = context.getBundle();
        Path base = Path.of("data", "nlu-embeddings", "native").toAbsolutePath();
        Path folder = NativeFolders.forRevision(base, bundle.getBundleId(), bundle.getLastModified());
        loader = new Thread(() -> load(wanted, base, folder), "kefu-nlu-embeddings-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load(List<EncoderModel> wanted, Path base, Path folder) {
        NativeFolders.removeOthers(base, folder);
        for (EncoderModel model : wanted) {
            synchronized (registered) {
                if (closed) {
                    return;
                }
            }
            long rssBefore = ProcessMemory.residentBytes();
            long start = System.nanoTime();
            OnnxSentenceEncoder encoder;
            try {
                Files.createDirectories(folder);
                encoder = NativeFolders.loading(folder, () -> OnnxSentenceEncoder.load(model));
            } catch (IOException | RuntimeException | LinkageError e) {
                // LinkageError: a native that does not load on this platform (UnsatisfiedLinkError), or ONNX Runtime's
                // or DJL's class whose static native load failed before (it stays failed for this bundle revision).
                LOG.error("Sentence encoder {} could not be loaded and is not offered (os {} {}): {}",
                        model.modelName(), System.getProperty("os.name"), System.getProperty("os.arch"), e.toString(), e);
                continue;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long rssAfter = ProcessMemory.residentBytes();
            String memory = rssBefore > 0 && rssAfter > 0
                    ? String.format(Locale.ROOT, "; process memory %+d MB", (rssAfter - rssBefore) >> 20)
                    : "";
            if (register(encoder)) {
                LOG.info("Sentence encoder {} ({}, {} dimensions) loaded in {} ms{}; registered", model.modelName(),
                        String.join(",", model.languages()), model.dimension(), millis, memory);
            } else if (!frameworkStopping()) {
                encoder.close();
            }
        }
    }

    private boolean register(OnnxSentenceEncoder encoder) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SentenceEncoder.LANGUAGES, encoder.languages().toArray(String[]::new));
        ServiceRegistration<SentenceEncoder> registration;
        try {
            registration = context.registerService(SentenceEncoder.class, encoder, properties);
        } catch (IllegalStateException e) {
            return false; // the bundle stopped while the model loaded
        }
        // Registered outside the lock, since consumers bind synchronously during registerService; checked again
        // after, in case deactivation came in between.
        synchronized (registered) {
            if (!closed) {
                registered.add(new Registered(encoder, registration));
                return true;
            }
        }
        unregister(registration);
        return false;
    }

    @Deactivate
    void deactivate() {
        synchronized (registered) {
            closed = true;
        }
        if (loader != null) {
            try {
                loader.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Registered> encoders;
        synchronized (registered) {
            encoders = new ArrayList<>(registered);
            registered.clear();
        }
        encoders.forEach(r -> unregister(r.registration()));
        if (frameworkStopping()) {
            return;
        }
        encoders.forEach(r -> r.encoder().close());
    }

    private boolean frameworkStopping() {
        return (framework.getState() & (Bundle.STOPPING | Bundle.RESOLVED)) != 0;
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }
}
