-- A small table shaped like Kefu's real ones: surrogate key, unicode text, instants as epoch milliseconds.
CREATE TABLE storetest_note (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    author      VARCHAR(64)  NOT NULL,
    body        TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL
);
