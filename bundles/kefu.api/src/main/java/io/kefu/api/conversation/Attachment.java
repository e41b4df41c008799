package io.kefu.api.conversation;

/** Metadata of a file sent with a message; the content itself lives in the attachment store. */
public record Attachment(String id, String fileName, String mediaType, long sizeBytes) {
}
