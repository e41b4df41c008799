package io.kefu.channel.email.internal;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * Runs Jakarta Mail with this bundle's class loader as the thread's context class loader.
 *
 * <p>Jakarta Mail and Activation are embedded in this bundle (bnd.bnd). They find their implementations through
 * {@code ServiceLoader} and {@code META-INF} files (javamail.providers, mailcap): the {@code imap}/{@code smtp}
 * providers, the stream provider, the mailcap registry. They look first with the context class loader, which
 * inside OSGi is whatever the calling thread happened to have (a Declarative Services or framework thread), and
 * only then with their own. With the context set to the bundle's loader, whose Bundle-ClassPath holds all four
 * embedded jars with their META-INF files, every lookup sees the embedded implementations and nothing else.
 */
final class BundleLoader {
    private static final ClassLoader BUNDLE = BundleLoader.class.getClassLoader();

    private BundleLoader() {
    }

    interface MailWork<T, E extends Exception> {
        T run() throws E;
    }

    static <T, E extends Exception> T run(MailWork<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BUNDLE);
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A private session (never {@code getDefaultInstance}, which is shared JVM-wide with its first caller's settings). */
    static Session session(Properties properties) {
        return run(() -> Session.getInstance(properties));
    }
}
