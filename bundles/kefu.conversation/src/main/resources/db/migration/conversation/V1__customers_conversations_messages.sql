-- Customers and the identities channels know them by. A merged customer points at the one it was merged into;
-- its identities move there, and conv_merge remembers which, so that a merge can be undone.
CREATE TABLE conv_customer (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(128) NOT NULL,
    tier          VARCHAR(16)  NOT NULL,
    merged_into   VARCHAR(36),
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL
);

CREATE TABLE conv_identity (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(36)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    identity_value VARCHAR(190) NOT NULL,
    verified     BOOLEAN      NOT NULL,
    created_at   BIGINT       NOT NULL,
    CONSTRAINT conv_identity_unique UNIQUE (kind, identity_value),
    CONSTRAINT conv_identity_customer FOREIGN KEY (customer_id) REFERENCES conv_customer (id)
);
CREATE INDEX conv_identity_customer_idx ON conv_identity (customer_id);

CREATE TABLE conv_customer_tag (
    customer_id  VARCHAR(36) NOT NULL,
    tag          VARCHAR(64) NOT NULL,
    PRIMARY KEY (customer_id, tag),
    CONSTRAINT conv_tag_customer FOREIGN KEY (customer_id) REFERENCES conv_customer (id)
);

CREATE TABLE conv_merge (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    source_id     VARCHAR(36)   NOT NULL,
    target_id     VARCHAR(36)   NOT NULL,
    identity_ids  TEXT          NOT NULL,
    conversation_ids TEXT        NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    merged_at     BIGINT        NOT NULL,
    undone_at     BIGINT
);

-- Conversations: one customer, one channel. status is the customer's view (OPEN, PENDING, RESOLVED, CLOSED);
-- handling says who answers now (BOT, QUEUED, AGENT). contact_* is the identity the customer wrote from, where
-- replies go.
CREATE TABLE conv_conversation (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    customer_id      VARCHAR(36)  NOT NULL,
    channel          VARCHAR(32)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    handling         VARCHAR(16)  NOT NULL,
    queue_id         VARCHAR(64),
    assignee_id      VARCHAR(36),
    subject          VARCHAR(200),
    contact_kind     VARCHAR(16)  NOT NULL,
    contact_value    VARCHAR(190) NOT NULL,
    opened_at        BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    last_message_at  BIGINT       NOT NULL,
    CONSTRAINT conv_conversation_customer FOREIGN KEY (customer_id) REFERENCES conv_customer (id)
);
CREATE INDEX conv_conversation_customer_idx ON conv_conversation (customer_id, status);
CREATE INDEX conv_conversation_inbox_idx ON conv_conversation (status, last_message_at);
CREATE INDEX conv_conversation_assignee_idx ON conv_conversation (assignee_id, status);

-- Messages, in arrival order (seq). A channel's own id for a message (email Message-ID, webhook idempotency key)
-- is unique per channel: the database itself refuses a second copy of a re-delivered message.
CREATE TABLE conv_message (
    seq                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id                  VARCHAR(36)  NOT NULL,
    conversation_id     VARCHAR(36)  NOT NULL,
    direction           VARCHAR(16)  NOT NULL,
    channel             VARCHAR(32)  NOT NULL,
    channel_message_id  VARCHAR(255),
    body                TEXT         NOT NULL,
    author_id           VARCHAR(36),
    attachments         TEXT,
    delivery            VARCHAR(16)  NOT NULL,
    delivery_error      VARCHAR(500),
    sent_at             BIGINT       NOT NULL,
    CONSTRAINT conv_message_id UNIQUE (id),
    CONSTRAINT conv_message_channel_id UNIQUE (channel, channel_message_id),
    CONSTRAINT conv_message_conversation FOREIGN KEY (conversation_id) REFERENCES conv_conversation (id)
);
CREATE INDEX conv_message_conversation_idx ON conv_message (conversation_id, seq);
