-- Users of the workbench and the REST API. Roles are a comma-separated set of AGENT, SUPERVISOR, ANALYST, ADMIN.
-- Instants are epoch milliseconds (see kefu.store).
CREATE TABLE kefu_user (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    username              VARCHAR(64)  NOT NULL,
    display_name          VARCHAR(128) NOT NULL,
    password_hash         VARCHAR(100) NOT NULL,
    roles                 VARCHAR(100) NOT NULL,
    enabled               BOOLEAN      NOT NULL,
    must_change_password  BOOLEAN      NOT NULL,
    created_at            BIGINT       NOT NULL,
    updated_at            BIGINT       NOT NULL,
    CONSTRAINT kefu_user_username UNIQUE (username)
);

-- Live logins. Only a SHA-256 of each token is kept, so a copy of the database does not let anyone in.
CREATE TABLE kefu_session (
    token_hash    CHAR(64)    NOT NULL PRIMARY KEY,
    user_id       VARCHAR(36) NOT NULL,
    created_at    BIGINT      NOT NULL,
    last_seen_at  BIGINT      NOT NULL,
    expires_at    BIGINT      NOT NULL,
    CONSTRAINT kefu_session_user FOREIGN KEY (user_id) REFERENCES kefu_user (id) ON DELETE CASCADE
);
CREATE INDEX kefu_session_user_idx ON kefu_session (user_id);

-- Who changed what. Append-only.
CREATE TABLE kefu_audit (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at      BIGINT       NOT NULL,
    actor   VARCHAR(64)  NOT NULL,
    action  VARCHAR(64)  NOT NULL,
    target  VARCHAR(200) NOT NULL,
    detail  VARCHAR(1000) NOT NULL
);
CREATE INDEX kefu_audit_at_idx ON kefu_audit (at);
