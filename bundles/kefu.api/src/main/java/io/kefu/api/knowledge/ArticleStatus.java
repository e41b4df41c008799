package io.kefu.api.knowledge;

/** Only published articles are searched by the bot and shown to customers. */
public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
