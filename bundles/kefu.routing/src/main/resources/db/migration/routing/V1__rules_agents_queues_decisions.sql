-- Every published routing rule set. Versions are never changed or deleted: rolling back makes an older one live.
CREATE TABLE routing_rule_version (
    version        INT           NOT NULL PRIMARY KEY,
    drl            MEDIUMTEXT    NOT NULL,
    scenarios      MEDIUMTEXT    NOT NULL,
    rule_count     INT           NOT NULL,
    comment        VARCHAR(500)  NOT NULL,
    published_by   VARCHAR(64)   NOT NULL,
    published_at   BIGINT        NOT NULL
);

-- One row (id 1): the live version, and the analysts' shared draft.
CREATE TABLE routing_rule_state (
    id                INT           NOT NULL PRIMARY KEY,
    active_version    INT,
    draft_drl         MEDIUMTEXT,
    draft_scenarios   MEDIUMTEXT,
    draft_by          VARCHAR(64),
    draft_at          BIGINT
);
INSERT INTO routing_rule_state (id) VALUES (1);

CREATE TABLE routing_team (
    id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    name   VARCHAR(200)  NOT NULL
);

-- A queue belongs to a team (null: any agent may serve it).
CREATE TABLE routing_queue (
    id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    name      VARCHAR(200)  NOT NULL,
    team_id   VARCHAR(64)
);

-- Agents' routing profiles, keyed by their Kefu user id. skills, teams and capacity are JSON.
CREATE TABLE routing_agent (
    user_id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    display_name     VARCHAR(200)  NOT NULL,
    skills           VARCHAR(2000) NOT NULL,
    teams            VARCHAR(2000) NOT NULL,
    capacity         VARCHAR(1000) NOT NULL,
    presence         VARCHAR(16)   NOT NULL,
    presence_since   BIGINT        NOT NULL,
    last_assigned_at BIGINT
);

-- Conversations waiting for an agent, so the queues and their order survive a restart.
CREATE TABLE routing_waiting (
    conversation_id  VARCHAR(36)   NOT NULL PRIMARY KEY,
    queue_id         VARCHAR(64)   NOT NULL,
    channel          VARCHAR(32)   NOT NULL,
    customer_id      VARCHAR(36)   NOT NULL,
    priority         INT           NOT NULL,
    skills           VARCHAR(1000) NOT NULL,
    strategy         VARCHAR(16)   NOT NULL,
    prefer_last      BOOLEAN       NOT NULL,
    waiting_since    BIGINT        NOT NULL
);

-- Every routing decision: what the rules saw (facts, JSON), which version decided, which rules fired, what they
-- asked for. Simulation replays the facts; agents and supervisors read why.
CREATE TABLE routing_decision (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    conversation_id  VARCHAR(36)   NOT NULL,
    customer_id      VARCHAR(36)   NOT NULL,
    decided_at       BIGINT        NOT NULL,
    trigger_kind     VARCHAR(16)   NOT NULL,
    rule_version     INT           NOT NULL,
    queue_id         VARCHAR(64)   NOT NULL,
    skills           VARCHAR(1000) NOT NULL,
    priority         INT           NOT NULL,
    strategy         VARCHAR(16)   NOT NULL,
    prefer_last      BOOLEAN       NOT NULL,
    agent_id         VARCHAR(36),
    fired_rules      TEXT          NOT NULL,
    actions          TEXT          NOT NULL,
    facts            MEDIUMTEXT    NOT NULL,
    escalated        BOOLEAN       NOT NULL,
    fallback         BOOLEAN       NOT NULL,
    error            VARCHAR(2000)
);
CREATE INDEX routing_decision_conversation ON routing_decision (conversation_id, decided_at);
CREATE INDEX routing_decision_time ON routing_decision (decided_at);
CREATE INDEX routing_decision_customer ON routing_decision (customer_id, decided_at);

-- What supervisors (and, for rule errors, admins) should see on the board.
CREATE TABLE routing_alert (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    at_time          BIGINT        NOT NULL,
    conversation_id  VARCHAR(36),
    kind             VARCHAR(32)   NOT NULL,
    message          VARCHAR(1000) NOT NULL,
    rule_name        VARCHAR(300)
);
CREATE INDEX routing_alert_time ON routing_alert (at_time);

-- The teams and queues the default rules (rules/routing.drl) route to.
INSERT INTO routing_team (id, name) VALUES ('service', 'Customer service');
INSERT INTO routing_team (id, name) VALUES ('after_sales', 'After-sales');
INSERT INTO routing_team (id, name) VALUES ('finance', 'Finance');
INSERT INTO routing_team (id, name) VALUES ('vip_care', 'VIP care');
INSERT INTO routing_team (id, name) VALUES ('supervisors', 'Supervisors');
INSERT INTO routing_queue (id, name, team_id) VALUES ('general', 'General', NULL);
INSERT INTO routing_queue (id, name, team_id) VALUES ('after_sales', 'After-sales', NULL);
INSERT INTO routing_queue (id, name, team_id) VALUES ('finance', 'Finance', NULL);
INSERT INTO routing_queue (id, name, team_id) VALUES ('complaints', 'Complaints', NULL);
INSERT INTO routing_queue (id, name, team_id) VALUES ('vip', 'VIP', NULL);
INSERT INTO routing_queue (id, name, team_id) VALUES ('supervisors', 'Supervisors', 'supervisors');
