package io.kefu.testing;

/** A throw-away database: where it is and how to log in. Closing it drops it. */
public final class ScratchDatabase implements AutoCloseable {
    /** Removes what the database left behind. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws Exception;
    }

    private final String url;
    private final String user;
    private final String password;
    private final Cleanup cleanup;

    ScratchDatabase(String url, String user, String password, Cleanup cleanup) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.cleanup = cleanup;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws Exception {
        cleanup.run();
    }
}
