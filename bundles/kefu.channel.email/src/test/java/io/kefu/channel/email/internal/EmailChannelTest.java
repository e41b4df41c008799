package io.kefu.channel.email.internal;

import static io.kefu.channel.email.internal.InboundMailTest.text;
import static io.kefu.channel.email.internal.TestMail.BILLING;
import static io.kefu.channel.email.internal.TestMail.CUSTOMER;
import static io.kefu.channel.email.internal.TestMail.SUPPORT;
import static io.kefu.channel.email.internal.TestMail.deliver;
import static io.kefu.channel.email.internal.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.kefu.api.conversation.Attachment;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.spi.DeliveryReceipt;
import io.kefu.api.spi.OutboundMessage;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies sent over SMTP to a real server (GreenMail), and what failures mean for retrying. */
class EmailChannelTest {
    @RegisterExtension
    static final GreenMailExtension SERVER = TestMail.server();

    private final RecordingIngest ingest = new RecordingIngest();
    private RecentMail recent = new RecentMail();
    private EmailChannel channel = new EmailChannel(recent);
    private final List<EmailMailbox> mailboxes = new ArrayList<>();

    @AfterEach
    void stop() {
        mailboxes.forEach(EmailMailbox::stop);
    }

    private EmailMailbox mailbox(MailboxSettings settings) {
        EmailMailbox mailbox = TestMail.mailbox(settings, ingest, recent);
        mailboxes.add(mailbox);
        channel.addMailbox(mailbox);
        return mailbox;
    }

    private static OutboundMessage reply(String kefuId, String to, String body, String inReplyTo) {
        return new OutboundMessage(kefuId, "conv-1", new ChannelIdentity(IdentityType.EMAIL, to, false), body, inReplyTo,
                List.of());
    }

    private static MimeMessage onlyMailTo(String address) {
        MimeMessage[] received = SERVER.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1));
        assertThat(received).hasSize(1);
        return received[0];
    }

    @Test
    void aReplyReachesTheCustomerInTheirThreadAndTheirAnswerThreadsBack() throws Exception {
        EmailMailbox support = mailbox(TestMail.settings(SERVER, "support", SUPPORT));
        deliver(SERVER, SUPPORT, plain("<m1@example.com>", "Where is my order 1234?", "Hello?")
                .replace("Subject:", "References: <root@example.com>\nSubject:"));
        support.pollNow();

        DeliveryReceipt receipt = channel.send(reply("7d0f6b1e-2c4a-4f7e-9a51-0c2a3e9b8d11", CUSTOMER,
                "您好，您的订单已于今天发出。\nKefu Support", "<m1@example.com>"));

        assertThat(receipt.delivered()).isTrue();
        assertThat(receipt.channelMessageId()).isEqualTo("<kefu.7d0f6b1e-2c4a-4f7e-9a51-0c2a3e9b8d11@kefu.test>");
        MimeMessage sent = onlyMailTo(CUSTOMER);
        assertThat(sent.getFrom()).containsExactly(new InternetAddress(SUPPORT, "Kefu Support", "UTF-8"));
        assertThat(sent.getSubject()).isEqualTo("Re: Where is my order 1234?");
        assertThat(sent.getHeader("Message-ID", null)).isEqualTo(receipt.channelMessageId());
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<m1@example.com>");
        assertThat(MailReader.ids(sent.getHeader("References", " "))).containsExactly("<root@example.com>",
                "<m1@example.com>");
        assertThat(text(sent)).isEqualTo("您好，您的订单已于今天发出。\r\nKefu Support");

        // The customer answers; their mail client puts our Message-ID into In-Reply-To.
        deliver(SERVER, SUPPORT, plain("<m2@example.com>", "Re: Re: Where is my order 1234?", "Thank you!")
                .replace("Subject:", "In-Reply-To: " + receipt.channelMessageId() + "\nSubject:"));
        support.pollNow();
        assertThat(ingest.last().threadHint()).isEqualTo(receipt.channelMessageId());
    }

    @Test
    void afterARestartTheMailboxAndSubjectAreFoundOnTheImapServer() throws Exception {
        // "billing" sorts first, so only the lookup can pick "support", which received the mail.
        mailbox(TestMail.settings(SERVER, "billing", BILLING));
        EmailMailbox support = mailbox(TestMail.settings(SERVER, "support", SUPPORT));
        deliver(SERVER, SUPPORT, plain("<m9@example.com>", "退款申请", "请帮我退款"));
        support.pollNow();

        recent = new RecentMail();
        channel = new EmailChannel(recent);
        mailboxes.forEach(channel::addMailbox);
        DeliveryReceipt receipt = channel.send(reply("r-2", CUSTOMER, "已为您办理退款。", "<m9@example.com>"));

        assertThat(receipt.delivered()).isTrue();
        MimeMessage sent = onlyMailTo(CUSTOMER);
        assertThat(((InternetAddress) sent.getFrom()[0]).getAddress()).isEqualTo(SUPPORT);
        assertThat(sent.getSubject()).isEqualTo("Re: 退款申请");
        assertThat(recent.lookup("<m9@example.com>")).isPresent();
    }

    @Test
    void aReplyToUnknownMailGoesFromTheFirstMailboxWithTheFallbackSubject() throws Exception {
        mailbox(TestMail.settings(SERVER, "support", SUPPORT));
        mailbox(TestMail.settings(SERVER, "billing", BILLING));

        DeliveryReceipt receipt = channel.send(new OutboundMessage("r-3", "conv-3",
                new ChannelIdentity(IdentityType.EMAIL, CUSTOMER, false), "Hello again", null,
                List.of(new Attachment("a1", "label.pdf", "application/pdf", 100))));

        assertThat(receipt.delivered()).isTrue();
        MimeMessage sent = onlyMailTo(CUSTOMER);
        assertThat(((InternetAddress) sent.getFrom()[0]).getAddress()).isEqualTo(BILLING);
        assertThat(sent.getSubject()).isEqualTo("Re: your message");
        assertThat(sent.getHeader("In-Reply-To")).isNull();
    }

    @Test
    void anSmtpServerThatIsDownIsWorthRetrying() throws Exception {
        MailboxSettings settings = TestMail.settings(SERVER.getImap().getPort(), TestMail.closedPort(), "support",
                SUPPORT, 1 << 20, 10, "");
        mailbox(settings);

        DeliveryReceipt receipt = channel.send(reply("r-4", CUSTOMER, "Hello", null));

        assertThat(receipt.delivered()).isFalse();
        assertThat(receipt.retryable()).isTrue();
        assertThat(receipt.error()).contains("could not be used");
    }

    @Test
    void aRecipientTheServerRefusesIsFinalAndADeferralIsRetried() throws Exception {
        try (FakeSmtpServer refusing = new FakeSmtpServer("550 5.1.1 <nobody@example.com>: Recipient address rejected");
                FakeSmtpServer deferring = new FakeSmtpServer("450 4.2.0 Greylisted, try again later")) {
            EmailChannel refused = new EmailChannel(recent);
            EmailMailbox one = TestMail.mailbox(TestMail.settings(1, refusing.port(), "support", SUPPORT, 1 << 20, 10, ""),
                    ingest, recent);
            mailboxes.add(one);
            refused.addMailbox(one);
            DeliveryReceipt receipt = refused.send(reply("r-5", "nobody@example.com", "Hello", null));
            assertThat(receipt.delivered()).isFalse();
            assertThat(receipt.retryable()).isFalse();
            assertThat(receipt.error()).contains("refused").contains("550");

            EmailChannel deferred = new EmailChannel(recent);
            EmailMailbox two = TestMail.mailbox(TestMail.settings(1, deferring.port(), "support", SUPPORT, 1 << 20, 10, ""),
                    ingest, recent);
            mailboxes.add(two);
            deferred.addMailbox(two);
            receipt = deferred.send(reply("r-6", CUSTOMER, "Hello", null));
            assertThat(receipt.delivered()).isFalse();
            assertThat(receipt.retryable()).isTrue();
            assertThat(receipt.error()).contains("450");
        }
    }

    @Test
    void onlyEmailRecipientsAreSentToAndOnlyWhenAMailboxIsConfigured() {
        DeliveryReceipt none = channel.send(reply("r-7", CUSTOMER, "Hello", null));
        assertThat(none.delivered()).isFalse();
        assertThat(none.retryable()).isTrue();

        mailbox(TestMail.settings(SERVER, "support", SUPPORT));
        DeliveryReceipt phone = channel.send(new OutboundMessage("r-8", "conv-8",
                new ChannelIdentity(IdentityType.PHONE, "+8613800000000", true), "Hello", null, List.of()));
        assertThat(phone.delivered()).isFalse();
        assertThat(phone.retryable()).isFalse();
        DeliveryReceipt malformed = channel.send(reply("r-9", "not an address", "Hello", null));
        assertThat(malformed.retryable()).isFalse();
        assertThat(SERVER.getReceivedMessages()).isEmpty();
        assertThat(channel.id()).isEqualTo("email");
    }

    @Test
    void replySubjectsAreNotPrefixedTwice() {
        assertThat(SmtpSender.replySubject("Order 1")).isEqualTo("Re: Order 1");
        assertThat(SmtpSender.replySubject("RE: Order 1")).isEqualTo("RE: Order 1");
        assertThat(SmtpSender.replySubject("回复：订单")).isEqualTo("回复：订单");
        assertThat(SmtpSender.replySubject(" ")).isNull();
    }
}
