package io.kefu.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.DeliveryState;
import io.kefu.api.conversation.HandlingState;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.spi.DeliveryReceipt;
import io.kefu.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConversationServiceTest {
    private static final KefuUser AGENT = new KefuUser("u-1", "li.na", "李娜", Set.of(Role.AGENT));

    private static void awaitDelivery(ConversationFixture f, String conversationId, String messageId, DeliveryState state)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var message = f.conversations.messages(conversationId, 0, 100).stream()
                    .filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
            if (message.delivery() == state) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("reply " + messageId + " never reached " + state);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void repliesGoOutThroughTheChannelTheCustomerUsedAndNotesStayInside(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            var channel = new ConversationFixture.RecordingChannel("email");
            f.delivery.addChannel(channel);
            var receipt = f.ingest.ingest(new InboundMessage("email", new ChannelIdentity(IdentityType.EMAIL,
                    "wang@example.com", true), "Where is my refund?", "<q1@mail>", null, List.of(), null));

            var note = f.conversations.note(receipt.conversationId(), "VIP, be quick", AGENT);
            var reply = f.conversations.reply(receipt.conversationId(), "It was sent today.", AGENT);
            awaitDelivery(f, receipt.conversationId(), reply.id(), DeliveryState.SENT);

            assertThat(channel.sent).hasSize(1);
            assertThat(channel.sent.get(0).to().value()).isEqualTo("wang@example.com");
            assertThat(channel.sent.get(0).inReplyTo()).isEqualTo("<q1@mail>");
            assertThat(note.direction()).isEqualTo(MessageDirection.INTERNAL_NOTE);
            assertThat(note.delivery()).isEqualTo(DeliveryState.INTERNAL);
            assertThat(f.conversations.find(receipt.conversationId()).orElseThrow().status())
                    .isEqualTo(ConversationStatus.PENDING);
            assertThat(f.lastEvent(ConversationEvents.MESSAGE_SENT).get(ConversationEvents.ACTOR)).isEqualTo("li.na");
            for (int i = 0; i < 40 && !f.topics().contains(ConversationEvents.DELIVERY_CHANGED); i++) {
                Thread.sleep(50); // announced just after the state is written
            }
            assertThat(f.lastEvent(ConversationEvents.DELIVERY_CHANGED).get(ConversationEvents.STATUS)).isEqualTo("SENT");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplyTheChannelRefusesIsMarkedFailedWithTheReason(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            var channel = new ConversationFixture.RecordingChannel("webhook");
            channel.answer = m -> DeliveryReceipt.failed("recipient unknown", false);
            f.delivery.addChannel(channel);
            var receipt = f.ingest.ingest(new InboundMessage("webhook", new ChannelIdentity(IdentityType.APP_USER,
                    "wechat:gone", true), "hi", "w1", null, List.of(), null));
            var reply = f.conversations.reply(receipt.conversationId(), "hello", AGENT);
            awaitDelivery(f, receipt.conversationId(), reply.id(), DeliveryState.FAILED);
            assertThat(f.data.read(m -> m.message(reply.id())).deliveryError()).isEqualTo("recipient unknown");
            // The agent's thread carries the reason too, not only the admins' dead-letter list.
            assertThat(f.conversations.messages(receipt.conversationId(), 0, 10))
                    .filteredOn(m -> m.id().equals(reply.id())).singleElement()
                    .extracting(io.kefu.api.conversation.Message::deliveryError).isEqualTo("recipient unknown");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theInboxFiltersCombine(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            var mine = f.ingest.ingest(new InboundMessage("webhook", new ChannelIdentity(IdentityType.APP_USER,
                    "wechat:m", true), "mine", "f1", null, List.of(), null));
            var open = f.ingest.ingest(new InboundMessage("email", new ChannelIdentity(IdentityType.EMAIL,
                    "o@example.com", true), "open", "<f2@x>", null, List.of(), null));
            f.conversations.assign(mine.conversationId(), AGENT.id(), AGENT);
            for (boolean unassigned : new boolean[] {false, true}) {
                for (String assignee : new String[] {null, AGENT.id()}) {
                    for (String channel : new String[] {null, "email"}) {
                        for (String status : new String[] {null, "OPEN"}) {
                            if (unassigned && assignee != null) {
                                continue;
                            }
                            List<Rows.InboxRow> rows = f.data.read(m -> m.inbox(assignee, unassigned, channel, status, 0, 50));
                            long count = f.data.read(m -> m.inboxCount(assignee, unassigned, channel, status));
                            assertThat(rows).hasSize((int) count);
                        }
                    }
                }
            }
            List<Rows.InboxRow> unassignedOpenEmail = f.data.read(m -> m.inbox(null, true, "email", "OPEN", 0, 50));
            assertThat(unassignedOpenEmail).extracting(Rows.InboxRow::id).containsExactly(open.conversationId());
            List<Rows.InboxRow> assignedToMe = f.data.read(m -> m.inbox(AGENT.id(), false, null, "OPEN", 0, 50));
            assertThat(assignedToMe).extracting(Rows.InboxRow::id).containsExactly(mine.conversationId());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void assignmentHandsTheConversationToAPersonAndIsAudited(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            var receipt = f.ingest.ingest(new InboundMessage("webhook", new ChannelIdentity(IdentityType.APP_USER,
                    "wechat:a", true), "转人工", "a1", null, List.of(), null));
            f.conversations.setHandling(receipt.conversationId(), HandlingState.BOT, null);
            var assigned = f.conversations.assign(receipt.conversationId(), AGENT.id(), AGENT);
            assertThat(assigned.handling()).isEqualTo(HandlingState.AGENT);
            assertThat(assigned.assigneeId()).isEqualTo("u-1");
            assertThat(f.topics()).contains(ConversationEvents.ASSIGNED, ConversationEvents.HANDED_OFF);
            assertThat(f.audit).extracting(e -> e.action()).contains("conversation.assign");

            var unassigned = f.conversations.assign(receipt.conversationId(), null, AGENT);
            assertThat(unassigned.handling()).isEqualTo(HandlingState.QUEUED);
        }
    }
}
