-- Knowledge articles (FAQ entries): the current version of each. alternative_questions and tags are JSON arrays of
-- strings, read and written whole with the article; kb_article_tag repeats the tags one per row for filtering.
-- Timestamps are epoch milliseconds, as everywhere in Kefu.
CREATE TABLE kb_article (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    language               VARCHAR(8)    NOT NULL,
    question               VARCHAR(500)  NOT NULL,
    alternative_questions  TEXT          NOT NULL,
    answer                 TEXT          NOT NULL,
    tags                   TEXT          NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    version                INT           NOT NULL,
    created_at             BIGINT        NOT NULL,
    created_by             VARCHAR(64)   NOT NULL,
    updated_at             BIGINT        NOT NULL,
    updated_by             VARCHAR(64)   NOT NULL
);
CREATE INDEX kb_article_list_idx ON kb_article (status, language, updated_at);

CREATE TABLE kb_article_tag (
    article_id  VARCHAR(36) NOT NULL,
    tag         VARCHAR(64) NOT NULL,
    PRIMARY KEY (article_id, tag),
    CONSTRAINT kb_tag_article FOREIGN KEY (article_id) REFERENCES kb_article (id)
);
CREATE INDEX kb_article_tag_idx ON kb_article_tag (tag, article_id);

-- Every version an article has had, the current one included: who made it, when, by which change (CREATED,
-- UPDATED, PUBLISHED, ARCHIVED, RESTORED, IMPORTED; restored_from names the version a restore copied), and the whole
-- content, so that an analyst can compare and restore any of them.
CREATE TABLE kb_article_version (
    article_id             VARCHAR(36)   NOT NULL,
    version                INT           NOT NULL,
    change_kind            VARCHAR(16)   NOT NULL,
    restored_from          INT,
    language               VARCHAR(8)    NOT NULL,
    question               VARCHAR(500)  NOT NULL,
    alternative_questions  TEXT          NOT NULL,
    answer                 TEXT          NOT NULL,
    tags                   TEXT          NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    edited_by              VARCHAR(64)   NOT NULL,
    edited_at              BIGINT        NOT NULL,
    PRIMARY KEY (article_id, version),
    CONSTRAINT kb_version_article FOREIGN KEY (article_id) REFERENCES kb_article (id)
);
