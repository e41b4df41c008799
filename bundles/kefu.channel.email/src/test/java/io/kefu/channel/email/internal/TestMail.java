package io.kefu.channel.email.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/** A real IMAP and SMTP server (GreenMail) on loopback with two mailboxes, and ways to put mail into it. */
final class TestMail {
    static final String SUPPORT = "support@kefu.test";
    static final String BILLING = "billing@kefu.test";
    static final String PASSWORD = "s3cret-Pa55";
    static final String CUSTOMER = "li.lei@example.com";

    private TestMail() {
    }

    static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, PASSWORD)
                        .withUser(BILLING, PASSWORD).withUser(CUSTOMER, PASSWORD));
    }

    /** Settings for a mailbox on the test server, plain IMAP and SMTP with login, no processed folder. */
    static MailboxSettings settings(GreenMailExtension server, String name, String address) {
        return settings(server.getImap().getPort(), server.getSmtp().getPort(), name, address, 10 * 1024 * 1024, 10, "");
    }

    static MailboxSettings settings(int imapPort, int smtpPort, String name, String address, int maxBytes,
            int maxAttachments, String processedFolder) {
        return new MailboxSettings(name, address, "Kefu Support",
                new MailboxSettings.Server("127.0.0.1", imapPort, false, address, PASSWORD), "INBOX", processedFolder, 30,
                new MailboxSettings.Server("127.0.0.1", smtpPort, false, address, PASSWORD), false, true, maxBytes,
                maxAttachments, 20_000, true, "Re: your message");
    }

    static EmailMailbox mailbox(MailboxSettings settings, RecordingIngest ingest, RecentMail recent) {
        return new EmailMailbox(ingest, recent, settings, Clock.systemUTC(), false);
    }

    /** A port nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Store connect(GreenMailExtension server, String user) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), user, PASSWORD);
        return store;
    }

    /** Puts raw mail into a user's INBOX as the server received it (IMAP APPEND), unread. */
    static void deliver(GreenMailExtension server, String user, String raw) throws MessagingException {
        deliver(server, user, raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static void deliver(GreenMailExtension server, String user, byte[] raw) throws MessagingException {
        Store store = connect(server, user);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Session session = Session.getInstance(new Properties());
            inbox.appendMessages(new Message[] {new MimeMessage(session, new ByteArrayInputStream(raw))});
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    /** The flags of every mail in a user's folder, in order. */
    static List<Flags> flags(GreenMailExtension server, String user, String folderName) throws MessagingException {
        Store store = connect(server, user);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<Flags> flags = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                flags.add(message.getFlags());
            }
            folder.close(false);
            return flags;
        } finally {
            store.close();
        }
    }

    static String b64(String text, String charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset)));
    }

    /** An RFC 2047 B-encoded word. */
    static String word(String text, String charset) {
        return "=?" + charset + "?B?" + b64(text, charset) + "?=";
    }

    static String plain(String messageId, String subject, String body) {
        return "From: Li Lei <Li.Lei@Example.com>\n"
                + "To: Support <" + SUPPORT + ">\n"
                + (messageId == null ? "" : "Message-ID: " + messageId + "\n")
                + "Date: Sat, 21 Nov 2026 10:15:00 +0800\n"
                + "Subject: " + subject + "\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n"
                + "\n"
                + body + "\n";
    }
}
