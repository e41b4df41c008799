package io.kefu.nlu.embeddings.internal;

import java.util.function.Supplier;

/**
 * Runs work with this bundle's class loader as the thread's context class loader.
 *
 * <p>langchain4j reads each model and tokenizer file through the context class loader, and DJL finds its platform
 * file ({@code native/lib/tokenizers.properties}) and native library the same way. Inside OSGi the context class
 * loader is whatever the calling thread happened to have (a framework or Declarative Services thread, a consumer's
 * worker), which does not see the jars embedded here; this bundle's loader, whose Bundle-ClassPath holds them all,
 * does.
 */
final class BundleLoader {
    private static final ClassLoader BUNDLE = BundleLoader.class.getClassLoader();

    private BundleLoader() {
    }

    static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == BUNDLE) {
            return work.get();
        }
        thread.setContextClassLoader(BUNDLE);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
