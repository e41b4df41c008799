-- What the bot did in each conversation it handled: turns it could not answer, the detail it asked for, the
-- question waiting for that detail, what it tried (for the agent's summary), and why and when it handed off.
CREATE TABLE bot_session (
    conversation_id   VARCHAR(36)    NOT NULL PRIMARY KEY,
    failed_turns      INT            NOT NULL,
    asked_slot        VARCHAR(64),
    pending_question  VARCHAR(2000),
    tried             VARCHAR(4000)  NOT NULL,
    handoff_reason    VARCHAR(64),
    handed_off_at     BIGINT,
    updated_at        BIGINT         NOT NULL
);
