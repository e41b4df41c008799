-- Intents analysts maintain, and the examples the built-in engine is trained from.
CREATE TABLE nlu_intent (
    name            VARCHAR(64)   NOT NULL PRIMARY KEY,
    description     VARCHAR(500)  NOT NULL,
    required_slots  VARCHAR(500)  NOT NULL,
    human_only      BOOLEAN       NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    updated_at      BIGINT        NOT NULL
);

CREATE TABLE nlu_example (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    intent      VARCHAR(64)   NOT NULL,
    language    VARCHAR(8)    NOT NULL,
    phrase      VARCHAR(500)  NOT NULL,
    created_at  BIGINT        NOT NULL,
    CONSTRAINT nlu_example_unique UNIQUE (intent, language, phrase)
);
CREATE INDEX nlu_example_intent_idx ON nlu_example (intent);

-- One row per retraining: when, on what, and how well the new model did on examples it had not seen.
CREATE TABLE nlu_training_run (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    started_at         BIGINT        NOT NULL,
    finished_at        BIGINT        NOT NULL,
    started_by         VARCHAR(64)   NOT NULL,
    intents            INT           NOT NULL,
    examples           INT           NOT NULL,
    heldout_accuracy   DOUBLE        NOT NULL,
    heldout_examples   INT           NOT NULL,
    outcome            VARCHAR(500)  NOT NULL
);

-- What understanding made of each customer message, shown to agents beside the message.
CREATE TABLE nlu_result (
    message_id       VARCHAR(36)    NOT NULL PRIMARY KEY,
    conversation_id  VARCHAR(36)    NOT NULL,
    language         VARCHAR(8)     NOT NULL,
    intent           VARCHAR(64),
    confidence       DOUBLE         NOT NULL,
    out_of_scope     BOOLEAN        NOT NULL,
    entities         VARCHAR(4000)  NOT NULL,
    sentiment        VARCHAR(16)    NOT NULL,
    sentiment_score  DOUBLE         NOT NULL,
    created_at       BIGINT         NOT NULL
);
CREATE INDEX nlu_result_conversation_idx ON nlu_result (conversation_id, created_at);

-- What a conversation's dialogue remembers: the intent in discussion, slot values, the sentiment trend.
CREATE TABLE nlu_dialogue (
    conversation_id  VARCHAR(36)    NOT NULL PRIMARY KEY,
    intent           VARCHAR(64),
    slots            VARCHAR(4000)  NOT NULL,
    sentiment_trend  VARCHAR(1000)  NOT NULL,
    turns            INT            NOT NULL,
    updated_at       BIGINT         NOT NULL
);
