-- The integration tests' own table: it lives in the test bundle, as a plug-in's tables live in the plug-in, so
-- kefu.store has to find this file through the test bundle (Bundle.findEntries), not through its own class path.
-- Instants are epoch milliseconds, as everywhere in Kefu; the text must survive in full Unicode (utf8mb4).
CREATE TABLE itest_greeting (
    id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    body     VARCHAR(500) NOT NULL,
    said_at  BIGINT       NOT NULL
);
