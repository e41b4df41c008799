-- Canned responses ("macros") agents insert into replies; placeholders such as {{customer.name}} are filled in
-- by the workbench when inserted.
CREATE TABLE conv_macro (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    title       VARCHAR(100)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  BIGINT        NOT NULL
);
