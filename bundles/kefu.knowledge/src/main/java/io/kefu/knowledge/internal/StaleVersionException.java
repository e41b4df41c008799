package io.kefu.knowledge.internal;

/** An edit made to a version of an article that is no longer the current one. */
final class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int currentVersion;

    StaleVersionException(String articleId, int editedVersion, int currentVersion) {
        super("article " + articleId + " is at version " + currentVersion + ", not " + editedVersion
                + ": someone else changed it; reload it and apply the change again");
        this.currentVersion = currentVersion;
    }

    int currentVersion() {
        return currentVersion;
    }
}
