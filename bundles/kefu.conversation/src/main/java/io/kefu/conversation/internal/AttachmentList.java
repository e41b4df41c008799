package io.kefu.conversation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.api.conversation.Attachment;
import java.util.List;

/** Attachment metadata kept as a JSON array in the message row: it is always read and written with the message. */
final class AttachmentList {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Attachment>> TYPE = new TypeReference<>() {
    };

    private AttachmentList() {
    }

    static String format(List<Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attachment metadata cannot be written as JSON", e);
        }
    }

    static List<Attachment> parse(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachment metadata is not valid JSON", e);
        }
    }
}
