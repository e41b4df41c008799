package io.kefu.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.conversation.Attachment;
import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.IngestReceipt;
import io.kefu.api.conversation.MessageRejectedException;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IngestServiceTest {
    private static InboundMessage message(String channel, IdentityType type, String from, String body, String id) {
        return new InboundMessage(channel, new ChannelIdentity(type, from, true), body, id, null, List.of(), null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFirstMessageOpensAConversationAndTheNextContinuesIt(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            IngestReceipt first = f.ingest.ingest(message("webhook", IdentityType.APP_USER, "wechat:o6_A", "我的订单怎么还没发货", "m-1"));
            IngestReceipt second = f.ingest.ingest(message("webhook", IdentityType.APP_USER, "wechat:o6_A", "订单号 A123", "m-2"));
            IngestReceipt other = f.ingest.ingest(message("webhook", IdentityType.APP_USER, "wechat:o6_B", "hello", "m-3"));

            assertThat(first.duplicate()).isFalse();
            assertThat(second.conversationId()).isEqualTo(first.conversationId());
            assertThat(second.customerId()).isEqualTo(first.customerId());
            assertThat(other.customerId()).isNotEqualTo(first.customerId());
            var conversation = f.conversations.find(first.conversationId()).orElseThrow();
            assertThat(conversation.subject()).isEqualTo("我的订单怎么还没发货");
            assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(f.conversations.messages(first.conversationId(), 0, 10))
                    .extracting(m -> m.body()).containsExactly("我的订单怎么还没发货", "订单号 A123");
            assertThat(f.conversations.latest(first.conversationId(), 1)).extracting(m -> m.body())
                    .containsExactly("订单号 A123");
            assertThat(f.topics()).containsExactly(ConversationEvents.OPENED, ConversationEvents.MESSAGE_RECEIVED,
                    ConversationEvents.MESSAGE_RECEIVED, ConversationEvents.OPENED, ConversationEvents.MESSAGE_RECEIVED);
            assertThat(f.lastEvent(ConversationEvents.MESSAGE_RECEIVED).get(ConversationEvents.MESSAGE)).isEqualTo(other.messageId());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRedeliveredMessageIsStoredOnceEvenWhenDeliveriesRace(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            InboundMessage message = message("webhook", IdentityType.APP_USER, "wechat:o6_race", "退款", "idem-42");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<IngestReceipt>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<IngestReceipt>) () -> f.ingest.ingest(message)));
            }
            List<IngestReceipt> receipts = new ArrayList<>();
            for (Future<IngestReceipt> result : results) {
                receipts.add(result.get());
            }
            pool.shutdown();
            assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
            assertThat(receipts).extracting(IngestReceipt::messageId).containsOnly(receipts.get(0).messageId());
            assertThat(f.conversations.messages(receipts.get(0).conversationId(), 0, 10)).hasSize(1);
            assertThat(f.topics()).filteredOn(ConversationEvents.MESSAGE_RECEIVED::equals).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBotTakesNewConversationsOnlyOnTheChannelsItAnswers(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            f.ingest.addBot("webchat"::equals);
            IngestReceipt chat = f.ingest.ingest(message("webchat", IdentityType.WEB_VISITOR, "v-1", "你好", "w-1"));
            IngestReceipt mail = f.ingest.ingest(message("email", IdentityType.EMAIL, "a@example.com", "hello", "<e-1@x>"));
            assertThat(f.conversations.find(chat.conversationId()).orElseThrow().handling())
                    .isEqualTo(io.kefu.api.conversation.HandlingState.BOT);
            assertThat(f.conversations.find(mail.conversationId()).orElseThrow().handling())
                    .isEqualTo(io.kefu.api.conversation.HandlingState.QUEUED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void emailAddressesAreOneIdentityWhateverTheirCase(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            var a = f.ingest.ingest(message("email", IdentityType.EMAIL, "Li.Na@Example.COM", "hi", "<a@x>"));
            var b = f.ingest.ingest(message("email", IdentityType.EMAIL, " li.na@example.com ", "again", "<b@x>"));
            assertThat(b.customerId()).isEqualTo(a.customerId());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplyThreadFindsItsConversationAndResolvedOnesReopenOnlyWithinTheWindow(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            var first = f.ingest.ingest(message("email", IdentityType.EMAIL, "wang@example.com", "Invoice please", "<1@mail>"));
            f.conversations.setStatus(first.conversationId(), ConversationStatus.RESOLVED, null);
            f.clock.now = f.clock.now.plus(Duration.ofHours(24));
            var reopened = f.ingest.ingest(message("email", IdentityType.EMAIL, "wang@example.com", "Not received", "<2@mail>"));
            assertThat(reopened.conversationId()).isEqualTo(first.conversationId());
            assertThat(f.conversations.find(first.conversationId()).orElseThrow().status()).isEqualTo(ConversationStatus.OPEN);

            f.conversations.setStatus(first.conversationId(), ConversationStatus.RESOLVED, null);
            ChannelIdentity wang = new ChannelIdentity(IdentityType.EMAIL, "WANG@example.com", false);
            assertThat(f.conversations.current(wang, "email")).map(c -> c.id()).contains(first.conversationId());
            f.clock.now = f.clock.now.plus(Duration.ofHours(100));
            assertThat(f.conversations.current(wang, "email")).isEmpty(); // same window as ingest
            var fresh = f.ingest.ingest(message("email", IdentityType.EMAIL, "wang@example.com", "New question", "<3@mail>"));
            assertThat(fresh.conversationId()).isNotEqualTo(first.conversationId());

            var threaded = f.ingest.ingest(new InboundMessage("email", new ChannelIdentity(IdentityType.EMAIL,
                    "wang@example.com", true), "Re: Invoice please", "<4@mail>", "<2@mail>", List.of(), null));
            assertThat(threaded.conversationId()).isEqualTo(first.conversationId());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oversizedAndSenderlessMessagesAreRefusedWithAReasonAndNothingIsStored(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            assertThatThrownBy(() -> f.ingest.ingest(message("webhook", IdentityType.APP_USER, "u", "x".repeat(20_001), "big")))
                    .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo("message.too_long");
                        assertThat(e.tooLarge()).isTrue();
                    });
            assertThatThrownBy(() -> f.ingest.ingest(new InboundMessage("webhook", null, "hi", "n", null, List.of(), null)))
                    .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.tooLarge()).isFalse());
            var huge = new Attachment("a1", "video.mp4", "video/mp4", 26L * 1024 * 1024);
            assertThatThrownBy(() -> f.ingest.ingest(new InboundMessage("webhook", new ChannelIdentity(IdentityType.APP_USER,
                    "u", true), "see video", "v", null, List.of(huge), null)))
                    .hasMessageContaining("video.mp4");
            assertThat(f.events).isEmpty();
        }
    }
}
