-- A second module's table, to prove that modules migrate independently into one database.
CREATE TABLE othertest_item (
    id    BIGINT      NOT NULL PRIMARY KEY,
    name  VARCHAR(64) NOT NULL
);
