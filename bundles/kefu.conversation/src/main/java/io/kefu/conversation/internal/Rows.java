package io.kefu.conversation.internal;

import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.DeliveryState;
import io.kefu.api.conversation.HandlingState;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import java.time.Instant;
import java.util.List;

/** Rows of the conversation tables as MyBatis reads them, and their conversion to the API's records. */
final class Rows {
    private Rows() {
    }

    record CustomerRow(String id, String displayName, String tier, String mergedInto, Instant createdAt,
            Instant updatedAt) {
    }

    record IdentityRow(String id, String customerId, String kind, String identityValue, boolean verified,
            Instant createdAt) {
        ChannelIdentity toIdentity() {
            return new ChannelIdentity(IdentityType.valueOf(kind), identityValue, verified);
        }
    }

    record ConversationRow(String id, String customerId, String channel, String status, String handling,
            String queueId, String assigneeId, String subject, String contactKind, String contactValue,
            Instant openedAt, Instant updatedAt, Instant lastMessageAt) {
        Conversation toConversation() {
            return new Conversation(id, customerId, channel, ConversationStatus.valueOf(status),
                    HandlingState.valueOf(handling), queueId, assigneeId, subject, openedAt, updatedAt);
        }

        ChannelIdentity contact() {
            return new ChannelIdentity(IdentityType.valueOf(contactKind), contactValue, false);
        }
    }

    record MessageRow(long seq, String id, String conversationId, String direction, String channel,
            String channelMessageId, String body, String authorId, String attachments, String delivery,
            String deliveryError, Instant sentAt) {
        Message toMessage() {
            return new Message(id, conversationId, MessageDirection.valueOf(direction), channel, body,
                    channelMessageId, authorId, AttachmentList.parse(attachments), DeliveryState.valueOf(delivery),
                    sentAt, deliveryError);
        }
    }

    /** A conversation as the inbox lists it: with its customer's name and its last message. */
    record InboxRow(String id, String customerId, String customerName, String channel, String status,
            String handling, String assigneeId, String subject, Instant lastMessageAt, String lastMessage) {
    }

    /** A merge of one customer into another, with what moved, so that it can be undone. */
    record MergeRow(String id, String sourceId, String targetId, String identityIds, String conversationIds,
            String actor, Instant mergedAt, Instant undoneAt) {
    }

    record MacroRow(String id, String title, String body, String updatedBy, Instant updatedAt) {
    }

    static List<Message> messages(List<MessageRow> rows) {
        return rows.stream().map(MessageRow::toMessage).toList();
    }
}
