-- Tickets. The id is also the number people quote ("#1024").
CREATE TABLE ticket (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type                  VARCHAR(40)   NOT NULL,
    subject               VARCHAR(300)  NOT NULL,
    description           MEDIUMTEXT,
    priority              VARCHAR(10)   NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    customer_id           VARCHAR(36),
    assignee_id           VARCHAR(36),
    team_id               VARCHAR(64)   NOT NULL,
    source                VARCHAR(20)   NOT NULL,
    created_by            VARCHAR(36),
    process_instance_id   VARCHAR(64),
    reopen_count          INT           NOT NULL DEFAULT 0,
    created_at            BIGINT        NOT NULL,
    updated_at            BIGINT        NOT NULL,
    first_response_at     BIGINT,
    resolved_at           BIGINT,
    closed_at             BIGINT
);
CREATE INDEX ticket_status ON ticket (status, updated_at);
CREATE INDEX ticket_assignee ON ticket (assignee_id, status);
CREATE INDEX ticket_customer ON ticket (customer_id);

CREATE TABLE ticket_conversation (
    ticket_id         BIGINT        NOT NULL,
    conversation_id   VARCHAR(36)   NOT NULL,
    linked_at         BIGINT        NOT NULL,
    PRIMARY KEY (ticket_id, conversation_id)
);
CREATE INDEX ticket_conversation_by_conversation ON ticket_conversation (conversation_id);

-- Custom fields: whatever a ticket type needs beyond the standard ones (order number, amount, ...).
CREATE TABLE ticket_field (
    ticket_id     BIGINT         NOT NULL,
    field_name    VARCHAR(64)    NOT NULL,
    field_value   VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (ticket_id, field_name)
);

CREATE TABLE ticket_comment (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    ticket_id      BIGINT        NOT NULL,
    author_id      VARCHAR(36),
    author_name    VARCHAR(200)  NOT NULL,
    body           MEDIUMTEXT    NOT NULL,
    public_reply   BOOLEAN       NOT NULL,
    created_at     BIGINT        NOT NULL
);
CREATE INDEX ticket_comment_by_ticket ON ticket_comment (ticket_id, created_at);

-- Attachments are stored elsewhere (a file store, the channel's own link); Kefu keeps what they are and where.
CREATE TABLE ticket_attachment (
    id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    ticket_id      BIGINT         NOT NULL,
    file_name      VARCHAR(300)   NOT NULL,
    content_type   VARCHAR(100)   NOT NULL,
    size_bytes     BIGINT         NOT NULL,
    url            VARCHAR(2000)  NOT NULL,
    added_by       VARCHAR(36),
    created_at     BIGINT         NOT NULL
);
CREATE INDEX ticket_attachment_by_ticket ON ticket_attachment (ticket_id);

-- What happened to a ticket, for people reading it (status changes, assignments, SLA warnings).
CREATE TABLE ticket_history (
    id          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT         NOT NULL,
    at_time     BIGINT         NOT NULL,
    actor       VARCHAR(200),
    kind        VARCHAR(40)    NOT NULL,
    detail      VARCHAR(1000)  NOT NULL
);
CREATE INDEX ticket_history_by_ticket ON ticket_history (ticket_id, at_time);

-- One service-level target of a ticket (FIRST_RESPONSE, RESOLUTION) and its clock. Business time consumed so far
-- is consumed_ms plus, while running, the business time since running_since.
CREATE TABLE ticket_sla (
    ticket_id       BIGINT        NOT NULL,
    target          VARCHAR(20)   NOT NULL,
    policy          VARCHAR(200)  NOT NULL,
    target_ms       BIGINT        NOT NULL,
    consumed_ms     BIGINT        NOT NULL,
    running_since   BIGINT,
    state           VARCHAR(12)   NOT NULL,
    due_at          BIGINT,
    warn_at         BIGINT,
    met_at          BIGINT,
    breached_at     BIGINT,
    started_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    PRIMARY KEY (ticket_id, target)
);
CREATE INDEX ticket_sla_state ON ticket_sla (state, started_at);
