package io.kefu.channel.email.internal;

import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.IngestReceipt;
import io.kefu.api.conversation.MessageIngest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs inside {@link BundleClassPathTest}'s isolated class loader (this bundle's classes plus the embedded jars,
 * nothing else), with a context class loader that sees other copies of the mail classes. Polls and sends once
 * against the test server, as the bundle would in Felix. Speaks only JDK types across the loader boundary.
 */
public final class IsolationProbe implements Function<int[], List<String>> {
    @Override
    public List<String> apply(int[] ports) {
        List<String> seen = new ArrayList<>();
        MessageIngest ingest = message -> {
            seen.add(describe(message));
            return new IngestReceipt("m", "c", "k", false);
        };
        // Built here rather than by TestMail, whose GreenMail types do not exist in the isolated loader.
        MailboxSettings settings = new MailboxSettings("support", TestMail.SUPPORT, "",
                new MailboxSettings.Server("127.0.0.1", ports[0], false, TestMail.SUPPORT, TestMail.PASSWORD), "INBOX", "",
                30, new MailboxSettings.Server("127.0.0.1", ports[1], false, TestMail.SUPPORT, TestMail.PASSWORD), false,
                true, 1 << 20, 10, 20_000, true, "Re: your message");
        MailboxPoller poller = new MailboxPoller(settings, ingest, new RecentMail(), new SmtpSender(settings),
                Clock.systemUTC());
        MailboxPoller.Outcome outcome = poller.poll();
        seen.add("stored=" + outcome.stored() + " healthy=" + poller.healthy());
        try {
            SmtpSender sender = new SmtpSender(settings);
            sender.send(new SmtpSender.Outgoing(TestMail.CUSTOMER, "Re: 测试", "已收到", sender.messageIdFor("probe"),
                    "<iso@example.com>", List.of("<iso@example.com>"), false));
            seen.add("sent");
        } catch (Exception e) {
            seen.add("send failed: " + e);
        }
        seen.add("loader=" + (jakarta.mail.Session.class.getClassLoader() == IsolationProbe.class.getClassLoader()));
        return seen;
    }

    private static String describe(InboundMessage message) {
        return message.from().value() + " " + message.channelMessageId() + " " + message.body();
    }
}
