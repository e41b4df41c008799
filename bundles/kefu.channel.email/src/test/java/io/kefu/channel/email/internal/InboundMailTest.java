package io.kefu.channel.email.internal;

import io.kefu.testing.LogCapture;
import static io.kefu.channel.email.internal.TestMail.CUSTOMER;
import static io.kefu.channel.email.internal.TestMail.SUPPORT;
import static io.kefu.channel.email.internal.TestMail.b64;
import static io.kefu.channel.email.internal.TestMail.deliver;
import static io.kefu.channel.email.internal.TestMail.flags;
import static io.kefu.channel.email.internal.TestMail.plain;
import static io.kefu.channel.email.internal.TestMail.word;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.kefu.api.conversation.Attachment;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.MessageRejectedException;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail read over IMAP from a real server (GreenMail) and handed to the ingest, as the poller does it. */
class InboundMailTest {
    @RegisterExtension
    static final GreenMailExtension SERVER = TestMail.server();

    private final RecordingIngest ingest = new RecordingIngest();
    private final RecentMail recent = new RecentMail();
    private EmailMailbox mailbox;

    @BeforeEach
    void start() {
        mailbox = TestMail.mailbox(TestMail.settings(SERVER, "support", SUPPORT), ingest, recent);
    }

    @AfterEach
    void stop() {
        mailbox.stop();
    }

    private List<Flags> inbox() throws Exception {
        return flags(SERVER, SUPPORT, "INBOX");
    }

    @Test
    void aPlainMailIsStoredWithItsSenderIdAndSubjectAndThenMarkedRead() throws Exception {
        deliver(SERVER, SUPPORT, plain("<m1@example.com>", "Where is my order 1234?",
                "Hello,\nI ordered a kettle a week ago.\nLi Lei"));

        MailboxPoller.Outcome outcome = mailbox.pollNow();

        assertThat(outcome.stored()).isEqualTo(1);
        InboundMessage message = ingest.last();
        assertThat(message.channel()).isEqualTo("email");
        assertThat(message.from()).isEqualTo(new ChannelIdentity(IdentityType.EMAIL, CUSTOMER, false));
        assertThat(message.channelMessageId()).isEqualTo("<m1@example.com>");
        assertThat(message.threadHint()).isNull();
        assertThat(message.body()).isEqualTo("Where is my order 1234?\n\nHello,\nI ordered a kettle a week ago.\nLi Lei");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.receivedAt()).isNotNull();
        assertThat(inbox()).singleElement().satisfies(f -> assertThat(f.contains(Flags.Flag.SEEN)).isTrue());
        assertThat(mailbox.healthy()).isTrue();
        assertThat(mailbox.name()).isEqualTo("email.support");
    }

    @Test
    void aReplyPointsAtTheMailItAnswersAndDropsTheQuotedPreviousMail() throws Exception {
        deliver(SERVER, SUPPORT, plain("<m2@example.com>", "Re: Where is my order 1234?",
                "Thanks, it arrived today.\n\nOn Sat, 21 Nov 2026 at 11:00, Kefu Support wrote:\n> Your parcel left"
                        + " our warehouse.\n> Regards")
                .replace("Subject:", "In-Reply-To: <kefu.abc@kefu.test>\nReferences: <m1@example.com>\n"
                        + " <kefu.abc@kefu.test>\nSubject:"));
        deliver(SERVER, SUPPORT, plain("<m3@example.com>", "Re: Where is my order 1234?", "One more thing")
                .replace("Subject:", "References: <m1@example.com> <kefu.abc@kefu.test>\n"
                        + " <kefu.def@kefu.test>\nSubject:"));

        mailbox.pollNow();

        assertThat(ingest.calls).hasSize(2);
        InboundMessage reply = ingest.calls.get(0);
        assertThat(reply.threadHint()).isEqualTo("<kefu.abc@kefu.test>");
        assertThat(reply.body()).isEqualTo("Thanks, it arrived today.");
        assertThat(ingest.calls.get(1).threadHint()).as("without In-Reply-To, the last of References")
                .isEqualTo("<kefu.def@kefu.test>");
        assertThat(recent.lookup("<m2@example.com>")).hasValueSatisfying(r -> {
            assertThat(r.mailbox()).isEqualTo("support");
            assertThat(r.subject()).isEqualTo("Re: Where is my order 1234?");
            assertThat(r.references()).containsExactly("<m1@example.com>", "<kefu.abc@kefu.test>");
        });
    }

    @Test
    void readMailIsNotTakenAgainAndTheSameMailDeliveredTwiceIsADuplicate() throws Exception {
        String raw = plain("<same@example.com>", "Invoice", "Please send the invoice.");
        deliver(SERVER, SUPPORT, raw);
        assertThat(mailbox.pollNow().stored()).isEqualTo(1);

        assertThat(mailbox.pollNow()).isEqualTo(new MailboxPoller.Outcome(true, 0, 0, 0, 0, 0));
        assertThat(ingest.calls).hasSize(1);

        deliver(SERVER, SUPPORT, raw);
        MailboxPoller.Outcome again = mailbox.pollNow();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(ingest.calls).hasSize(2);
        assertThat(ingest.storedCount()).isEqualTo(1);
        assertThat(inbox()).hasSize(2).allSatisfy(f -> assertThat(f.contains(Flags.Flag.SEEN)).isTrue());
    }

    @Test
    void htmlOnlyMailBecomesReadableTextWithoutMarkupOrScript() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>Order</title><style>p { color: red }</style>"
                + "<script>alert('x')</script></head><body onload=\"steal()\">"
                + "<p>Dear team,</p><p>My order <b>#1234</b> from Tom &amp; Jerry&#39;s shop<br>never came.</p>"
                + "<ul><li>kettle</li><li>two&nbsp;cups</li></ul>"
                + "<a href=\"https://shop.example.com/orders/1234\">my order</a>"
                + "<a href=\"javascript:evil()\">click</a><img src=x onerror=alert(1) alt=\"photo\">"
                + "<script type=\"text/javascript\">document.cookie</script><!-- <p>hidden</p> --></body></html>";
        deliver(SERVER, SUPPORT, plain("<html@example.com>", "Missing order", html)
                .replace("text/plain; charset=UTF-8", "text/html; charset=UTF-8"));

        mailbox.pollNow();

        String body = ingest.last().body();
        assertThat(body).isEqualTo("Missing order\n\nDear team,\n\nMy order #1234 from Tom & Jerry's shop\nnever came.\n\n"
                + "- kettle\n- two cups\nmy order <https://shop.example.com/orders/1234> click [photo]");
        assertThat(body).doesNotContain("<p", "<b>", "script", "alert", "color", "cookie", "hidden", "steal",
                "javascript");
    }

    @Test
    void chineseMailInGbkGb2312AndBig5IsDecoded() throws Exception {
        // 镕 is in GBK but not in GB2312: mailers that say gb2312 send it anyway.
        String subject = "我的订单还没到（朱镕基路店）";
        String body = "您好，我上周在朱镕基路店买的水壶还没有收到。\n谢谢！";
        deliver(SERVER, SUPPORT, "From: =?gb2312?B?" + b64("李雷", "GBK") + "?= <li.lei@example.com>\n"
                + "To: " + SUPPORT + "\nMessage-ID: <gbk@example.com>\n"
                + "Subject: " + word(subject, "GBK").replace("GBK", "gb2312") + "\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"gb2312\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + b64(body, "GBK") + "\n");
        String big5 = "請問退貨流程？";
        deliver(SERVER, SUPPORT, "From: chen@example.tw\nTo: " + SUPPORT + "\nMessage-ID: <big5@example.tw>\n"
                + "Subject: " + word("退貨", "Big5") + "\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=big5\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(big5, "Big5") + "\n");

        mailbox.pollNow();

        assertThat(ingest.calls).hasSize(2);
        assertThat(ingest.calls.get(0).body()).isEqualTo(subject + "\n\n" + body);
        assertThat(ingest.calls.get(0).from().value()).isEqualTo(CUSTOMER);
        assertThat(ingest.calls.get(1).body()).isEqualTo("退貨\n\n" + big5);
    }

    private static String quotedPrintable(String text, String charset) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(Charset.forName(charset))) {
            out.append(String.format("=%02X", b & 0xFF));
        }
        return out.toString();
    }

    @Test
    void mailWithoutMessageIdGetsAStableIdSoItIsStillTakenInOnce() throws Exception {
        String raw = plain(null, "No id", "My mailer sets no Message-ID.");
        deliver(SERVER, SUPPORT, raw);
        mailbox.pollNow();
        String id = ingest.last().channelMessageId();
        assertThat(id).matches("<[0-9a-f]{64}@kefu\\.missing-id>");

        deliver(SERVER, SUPPORT, raw);
        assertThat(mailbox.pollNow().duplicates()).isEqualTo(1);
        assertThat(ingest.last().channelMessageId()).isEqualTo(id);
        assertThat(ingest.storedCount()).isEqualTo(1);
    }

    @Test
    void attachmentsAreListedWithNameTypeAndSize() throws Exception {
        byte[] pdf = new byte[3000];
        deliver(SERVER, SUPPORT, "From: " + CUSTOMER + "\nTo: " + SUPPORT + "\nMessage-ID: <att@example.com>\n"
                + "Subject: Invoice\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: multipart/alternative; boundary=\"b2\"\n\n"
                + "--b2\nContent-Type: text/plain; charset=us-ascii\n\nSee the attached invoice.\n"
                + "--b2\nContent-Type: text/html; charset=us-ascii\n\n<p>See the <b>attached</b> invoice.</p>\n"
                + "--b2--\n"
                + "--b1\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%E5%8F%91%E7%A5%A8.pdf\n\n"
                + Base64.getMimeEncoder().encodeToString(pdf) + "\n"
                + "--b1\nContent-Type: image/png; name=\"" + word("截图.png", "GBK") + "\"\n"
                + "Content-Transfer-Encoding: base64\nContent-Disposition: inline\n\niVBORw0KGgo=\n"
                + "--b1--\n");

        mailbox.pollNow();

        InboundMessage message = ingest.last();
        assertThat(message.body()).isEqualTo("Invoice\n\nSee the attached invoice.");
        assertThat(message.attachments()).containsExactly(
                new Attachment("<att@example.com>#2", "发票.pdf", "application/pdf", 3000),
                new Attachment("<att@example.com>#3", "截图.png", "image/png", 8));
    }

    @Test
    void oversizedMailIsRefusedMarkedReadAndFlaggedLoggedAndItsSenderTold() throws Exception {
        mailbox.stop();
        mailbox = TestMail.mailbox(TestMail.settings(SERVER.getImap().getPort(), SERVER.getSmtp().getPort(), "support",
                SUPPORT, 4096, 10, ""), ingest, recent);
        deliver(SERVER, SUPPORT, plain("<big@example.com>", "Photos", "x".repeat(10_000)));

        try (LogCapture log = new LogCapture(MailboxPoller.class)) {
            assertThat(mailbox.pollNow().refused()).isEqualTo(1);
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).startsWith("WARN").contains("<big@example.com>")
                    .contains("email.too_large"));
        }

        assertThat(ingest.calls).isEmpty();
        assertThat(inbox()).singleElement().satisfies(f -> {
            assertThat(f.contains(Flags.Flag.SEEN)).isTrue();
            assertThat(f.contains(Flags.Flag.FLAGGED)).isTrue();
        });
        MimeMessage note = noteTo(CUSTOMER);
        assertThat(note.getSubject()).isEqualTo("Re: Photos");
        assertThat(note.getHeader("In-Reply-To", null)).isEqualTo("<big@example.com>");
        assertThat(note.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(text(note)).contains("too large").contains("邮件过大");
    }

    @Test
    void mailTheIngestRefusesIsMarkedReadAndLoggedButMachineMailGetsNoNote() throws Exception {
        ingest.failWith = m -> new MessageRejectedException("message.too_long", "The message has 30000 characters;"
                + " at most 20000 are accepted", true);
        deliver(SERVER, SUPPORT, plain("<long@example.com>", "Long story", "Once upon a time")
                .replace("Subject:", "Auto-Submitted: auto-replied\nSubject:"));

        try (LogCapture log = new LogCapture(MailboxPoller.class)) {
            assertThat(mailbox.pollNow().refused()).isEqualTo(1);
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("message.too_long")
                    .contains("30000 characters"));
        }

        assertThat(inbox()).singleElement().satisfies(f -> assertThat(f.contains(Flags.Flag.SEEN)).isTrue());
        assertThat(SERVER.getReceivedMessagesForDomain("example.com")).as("no note to an auto-reply").isEmpty();
    }

    @Test
    void mailWithMoreAttachmentsThanAllowedIsRefused() throws Exception {
        mailbox.stop();
        mailbox = TestMail.mailbox(TestMail.settings(SERVER.getImap().getPort(), SERVER.getSmtp().getPort(), "support",
                SUPPORT, 1 << 20, 1, ""), ingest, recent);
        StringBuilder raw = new StringBuilder("From: " + CUSTOMER + "\nTo: " + SUPPORT + "\nMessage-ID: <many@example.com>\n"
                + "Subject: Scans\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nTwo scans.\n");
        for (int i = 1; i <= 2; i++) {
            raw.append("--b\nContent-Type: image/jpeg; name=scan").append(i).append(".jpg\n\nabc\n");
        }
        deliver(SERVER, SUPPORT, raw.append("--b--\n").toString());

        assertThat(mailbox.pollNow().refused()).isEqualTo(1);
        assertThat(ingest.calls).isEmpty();
        assertThat(text(noteTo(CUSTOMER))).contains("too many attachments");
    }

    @Test
    void aFailureWhileStoringLeavesTheMailUnreadForTheNextPoll() throws Exception {
        ingest.failWith = m -> new IllegalStateException("database unavailable");
        deliver(SERVER, SUPPORT, plain("<retry@example.com>", "Hello", "Is anyone there?"));

        try (LogCapture log = new LogCapture(MailboxPoller.class)) {
            assertThat(mailbox.pollNow().failed()).isEqualTo(1);
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).startsWith("ERROR").contains("<retry@example.com>"));
        }
        assertThat(inbox()).singleElement().satisfies(f -> {
            assertThat(f.contains(Flags.Flag.SEEN)).isFalse();
            assertThat(f.contains(Flags.Flag.FLAGGED)).isFalse();
        });

        ingest.failWith = m -> null;
        assertThat(mailbox.pollNow().stored()).isEqualTo(1);
        assertThat(ingest.calls).hasSize(2);
        assertThat(inbox()).singleElement().satisfies(f -> assertThat(f.contains(Flags.Flag.SEEN)).isTrue());
    }

    @Test
    void storedMailIsMovedToTheProcessedFolderWhenOneIsSet() throws Exception {
        mailbox.stop();
        mailbox = TestMail.mailbox(TestMail.settings(SERVER.getImap().getPort(), SERVER.getSmtp().getPort(), "support",
                SUPPORT, 1 << 20, 10, "Kefu"), ingest, recent);
        deliver(SERVER, SUPPORT, plain("<move@example.com>", "Move me", "Text"));

        assertThat(mailbox.pollNow().stored()).isEqualTo(1);

        assertThat(flags(SERVER, SUPPORT, "Kefu")).singleElement()
                .satisfies(f -> assertThat(f.contains(Flags.Flag.SEEN)).isTrue());
        assertThat(inbox()).allSatisfy(f -> assertThat(f.contains(Flags.Flag.DELETED)).isTrue());
    }

    @Test
    void theHealthCheckFollowsWhetherTheImapServerCanBeReached() throws Exception {
        EmailMailbox unreachable = TestMail.mailbox(TestMail.settings(TestMail.closedPort(), SERVER.getSmtp().getPort(),
                "offline", SUPPORT, 1 << 20, 10, ""), ingest, recent);
        try {
            assertThat(unreachable.healthy()).as("before the first poll").isFalse();
            assertThat(unreachable.pollNow().connected()).isFalse();
            assertThat(unreachable.healthy()).isFalse();
            assertThat(unreachable.name()).isEqualTo("email.offline");
        } finally {
            unreachable.stop();
        }
        mailbox.pollNow();
        assertThat(mailbox.healthy()).isTrue();
    }

    /** The one mail a user received, waiting briefly for it to arrive. */
    private static MimeMessage noteTo(String user) throws Exception {
        assertThat(SERVER.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = SERVER.getReceivedMessagesForDomain(user.substring(user.indexOf('@') + 1));
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** The text of a mail this channel sent (always UTF-8 plain text). */
    static String text(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        return new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
