package io.kefu.store;

/** A database problem the caller cannot fix by retrying: a failed migration, an unreachable database. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
