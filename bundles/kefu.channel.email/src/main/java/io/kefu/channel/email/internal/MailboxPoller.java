package io.kefu.channel.email.internal;

import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.IngestReceipt;
import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.conversation.MessageRejectedException;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check of one mailbox for new mail. Unread (not \Seen) mail in the configured folder is read without
 * marking it (IMAP peek), handed to {@link MessageIngest}, and only once Kefu holds a receipt, duplicates
 * included, marked \Seen: that flag is the channel's acknowledgement. Then:
 * <ul>
 *   <li>refused mail (too large, too many attachments, refused by Kefu's limits) is marked \Seen and \Flagged and
 *       left in the folder for a person to look at, the reason is logged, and the sender gets a short note
 *       unless the mail came from a machine;</li>
 *   <li>any other failure leaves the mail unread, so the next poll tries again. One bad mail does not hold up the
 *       others.</li>
 * </ul>
 * Not thread-safe: each mailbox polls from its own single thread.
 */
final class MailboxPoller {
    static final String CHANNEL = "email";
    /** At most this many mails are taken per poll, so one poll never runs for long; the rest wait for the next. */
    static final int MAX_PER_POLL = 50;
    private static final Duration NOTE_INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailboxSettings settings;
    private final Session session;
    private final MessageIngest ingest;
    private final RecentMail recent;
    private final SmtpSender sender;
    private final MailReader reader;
    private final Clock clock;
    /** When each sender last got a refusal note; bounded, so a flood of refused mail cannot grow it. */
    private final Map<String, Instant> notesSent = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > 1000;
        }
    };
    private volatile Boolean lastPollSucceeded;

    /** What one poll did, for logs and tests. */
    record Outcome(boolean connected, int stored, int duplicates, int refused, int failed, int skipped) {
        static final Outcome UNREACHABLE = new Outcome(false, 0, 0, 0, 0, 0);
    }

    MailboxPoller(MailboxSettings settings, MessageIngest ingest, RecentMail recent, SmtpSender sender, Clock clock) {
        this.settings = settings;
        this.session = BundleLoader.session(settings.imapProperties());
        this.ingest = ingest;
        this.recent = recent;
        this.sender = sender;
        this.reader = new MailReader(session, settings.maxBodyChars());
        this.clock = clock;
    }

    MailboxSettings settings() {
        return settings;
    }

    /** Whether the last poll reached the mailbox; false before the first poll. */
    boolean healthy() {
        return Boolean.TRUE.equals(lastPollSucceeded);
    }

    Outcome poll() {
        try {
            Outcome outcome = BundleLoader.run(this::pollOnce);
            if (!Boolean.TRUE.equals(lastPollSucceeded)) {
                LOG.info("Mailbox {}: reading {} folder {}", settings.name(), settings.imap(), settings.folder());
            }
            lastPollSucceeded = true;
            if (outcome.stored() + outcome.duplicates() + outcome.refused() + outcome.failed() > 0) {
                LOG.info("Mailbox {}: {} new mails stored, {} already stored, {} refused, {} to retry", settings.name(),
                        outcome.stored(), outcome.duplicates(), outcome.refused(), outcome.failed());
            }
            return outcome;
        } catch (MessagingException | RuntimeException e) {
            // Logged once when the mailbox becomes unreachable and then quietly until it is back: a server that is
            // down for an hour should not write 120 stack traces.
            if (!Boolean.FALSE.equals(lastPollSucceeded)) {
                LOG.warn("Mailbox {}: cannot read new mail from {}: {}", settings.name(), settings.imap(), e.toString());
            } else {
                LOG.debug("Mailbox {}: still cannot read new mail: {}", settings.name(), e.toString());
            }
            lastPollSucceeded = false;
            return Outcome.UNREACHABLE;
        }
    }

    private Outcome pollOnce() throws MessagingException {
        Store store = session.getStore(settings.imapProtocol());
        MailboxSettings.Server imap = settings.imap();
        store.connect(imap.host(), imap.port(), imap.user(), imap.password());
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                Message[] batch = Arrays.copyOf(unseen, Math.min(unseen.length, MAX_PER_POLL));
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.SIZE);
                profile.add(FetchProfile.Item.FLAGS);
                folder.fetch(batch, profile);
                int[] counts = new int[Handled.values().length];
                List<Message> processed = new ArrayList<>();
                for (Message message : batch) {
                    Handled handled = handleOne(message);
                    counts[handled.ordinal()]++;
                    if (handled == Handled.STORED || handled == Handled.DUPLICATE || handled == Handled.SKIPPED) {
                        processed.add(message);
                    }
                }
                moveProcessed(store, folder, processed);
                return new Outcome(true, counts[0], counts[1], counts[2], counts[3], counts[4]);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The first five are counted in {@link Outcome}; GONE (deleted meanwhile by someone else) is not. */
    private enum Handled { STORED, DUPLICATE, REFUSED, FAILED, SKIPPED, GONE }

    /**
     * One mail's trouble stays with that mail (it stays unread and is tried again); only a lost connection ends
     * the poll, since every further command would fail the same way.
     */
    private Handled handleOne(Message message) throws MessagingException {
        try {
            return handle(message);
        } catch (FolderClosedException | StoreClosedException lost) {
            throw lost;
        } catch (MessageRemovedException gone) {
            // Deleted by someone else (a person in a mail client) while this poll ran.
            return Handled.GONE;
        } catch (MessagingException e) {
            LOG.warn("Mailbox {}: mail {} could not be handled and stays unread: {}", settings.name(),
                    message.getMessageNumber(), e.toString());
            return Handled.FAILED;
        }
    }

    private Handled handle(Message message) throws MessagingException {
        int size = message.getSize();
        if (size > settings.maxMessageBytes()) {
            return refuse(message, headersOnly(message), "email.too_large", "the mail has " + size
                    + " bytes; at most " + settings.maxMessageBytes() + " are accepted", true);
        }
        byte[] raw;
        try {
            raw = download(message);
        } catch (TooLarge e) {
            return refuse(message, headersOnly(message), "email.too_large", "the mail has more than "
                    + settings.maxMessageBytes() + " bytes", true);
        } catch (IOException e) {
            // The connection is the likely cause; the mail stays unread for the next poll.
            LOG.warn("Mailbox {}: could not download mail {}: {}", settings.name(), message.getMessageNumber(),
                    e.toString());
            return Handled.FAILED;
        }
        ReceivedMail mail;
        try {
            mail = reader.read(raw);
        } catch (MessagingException | IOException | RuntimeException e) {
            // The bytes are all here, so reading them again will not go better.
            return refuse(message, null, "email.unreadable", "the mail cannot be read as MIME: " + e, false);
        }
        if (mail.from() == null) {
            return refuse(message, mail, "email.no_sender", "the mail names no sender address", false);
        }
        if (mail.from().equals(settings.address())) {
            // A copy of the mailbox's own reply (a Bcc, a server that files sent mail here): taking it in would
            // make Kefu answer itself.
            LOG.info("Mailbox {}: skipping mail {} sent from the mailbox's own address", settings.name(), mail.messageId());
            message.setFlag(Flags.Flag.SEEN, true);
            return Handled.SKIPPED;
        }
        if (mail.attachments().size() > settings.maxAttachments()) {
            return refuse(message, mail, "email.too_many_attachments", "the mail has " + mail.attachments().size()
                    + " attachments; at most " + settings.maxAttachments() + " are accepted", true);
        }
        IngestReceipt receipt;
        try {
            receipt = ingest.ingest(new InboundMessage(CHANNEL,
                    // verified=false: anyone can write any From line, so the address is only what the mail claims.
                    new ChannelIdentity(IdentityType.EMAIL, mail.from(), false), mail.body(), mail.messageId(),
                    mail.threadHint(), mail.attachments(), receivedAt(message)));
        } catch (MessageRejectedException e) {
            return refuse(message, mail, e.code(), e.getMessage(), e.tooLarge());
        } catch (RuntimeException e) {
            LOG.error("Mailbox {}: storing mail {} failed; it stays unread and is tried again at the next poll",
                    settings.name(), mail.messageId(), e);
            return Handled.FAILED;
        }
        recent.remember(mail.messageId(), new RecentMail.Received(settings.name(), mail.subject(), mail.references()));
        message.setFlag(Flags.Flag.SEEN, true);
        LOG.debug("Mailbox {}: mail {} stored as message {} in conversation {}{}", settings.name(), mail.messageId(),
                receipt.messageId(), receipt.conversationId(), receipt.duplicate() ? " (already stored)" : "");
        return receipt.duplicate() ? Handled.DUPLICATE : Handled.STORED;
    }

    private static Instant receivedAt(Message message) throws MessagingException {
        Date date = message.getReceivedDate();
        return date == null ? null : date.toInstant();
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The whole mail, read with peek so it stays unread; at most maxMessageBytes even if the server's size lied. */
    private byte[] download(Message message) throws IOException, MessagingException {
        int limit = settings.maxMessageBytes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, Math.min(message.getSize(), limit)));
        message.writeTo(new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > limit) {
                    throw new TooLarge();
                }
                bytes.write(b, off, len);
            }
        });
        return bytes.toByteArray();
    }

    private Handled refuse(Message message, ReceivedMail mail, String code, String reason, boolean senderCanFix)
            throws MessagingException {
        String id = mail == null ? "#" + message.getMessageNumber() : mail.messageId();
        LOG.warn("Mailbox {}: refused mail {}{}: {} ({}); it is marked read and flagged in {}", settings.name(), id,
                mail == null || mail.from() == null ? "" : " from " + mail.from(), reason, code, settings.folder());
        Flags seenAndFlagged = new Flags(Flags.Flag.SEEN);
        seenAndFlagged.add(Flags.Flag.FLAGGED);
        message.setFlags(seenAndFlagged, true);
        if (senderCanFix) {
            noteRefusal(mail, code);
        }
        return Handled.REFUSED;
    }

    /** For mail refused before it was downloaded: who sent it and its ids, from the headers alone; null if unreadable. */
    private ReceivedMail headersOnly(Message message) {
        try {
            StringBuilder head = new StringBuilder();
            for (String name : List.of("From", "Sender", "Reply-To", "Subject", "Message-ID", "References",
                    "Auto-Submitted", "Precedence", "List-Id", "Return-Path")) {
                String[] values = message.getHeader(name);
                if (values != null) {
                    head.append(name).append(": ").append(values[0]).append("\r\n");
                }
            }
            head.append("\r\n");
            return reader.read(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.debug("Mailbox {}: cannot read the headers of refused mail: {}", settings.name(), e.toString());
            return null;
        }
    }

    /**
     * Tells a customer why their mail was not taken in, when they can do something about it. Never to machines
     * (auto-replies, lists, bounces: that is how mail loops start), never to the mailbox itself, and at most once
     * an hour per sender, so a forged sender address cannot be used to aim a stream of notes at someone.
     */
    private void noteRefusal(ReceivedMail mail, String code) {
        if (!settings.replyToRefused() || mail == null || mail.from() == null || mail.automated()
                || mail.from().equals(settings.address())) {
            return;
        }
        Instant now = clock.instant();
        Instant last = notesSent.get(mail.from());
        if (last != null && last.plus(NOTE_INTERVAL).isAfter(now)) {
            return;
        }
        notesSent.put(mail.from(), now);
        String subject = SmtpSender.replySubject(mail.subject());
        List<String> references = new ArrayList<>(mail.references());
        if (!mail.messageId().endsWith("@kefu.missing-id>") && !references.contains(mail.messageId())) {
            references.add(mail.messageId());
        }
        try {
            sender.send(new SmtpSender.Outgoing(mail.from(), subject == null ? settings.fallbackSubject() : subject,
                    RefusalNote.text(mail.subject(), code), sender.messageIdFor("refused." + UUID.randomUUID()),
                    mail.messageId().endsWith("@kefu.missing-id>") ? null : mail.messageId(), references, true));
            LOG.info("Mailbox {}: told {} why their mail was refused", settings.name(), mail.from());
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Mailbox {}: could not tell {} that their mail was refused: {}", settings.name(), mail.from(),
                    e.toString());
        }
    }

    /**
     * Moves stored mail to the processed folder: with IMAP MOVE where the server has it, else copy and delete.
     * Failing here changes nothing that matters: the mail is already stored and marked \Seen.
     */
    private void moveProcessed(Store store, Folder folder, List<Message> processed) {
        if (settings.processedFolder().isEmpty() || processed.isEmpty()) {
            return;
        }
        Message[] messages = processed.toArray(Message[]::new);
        try {
            Folder target = store.getFolder(settings.processedFolder());
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                LOG.warn("Mailbox {}: cannot create folder {}; processed mail stays in {}", settings.name(),
                        settings.processedFolder(), settings.folder());
                return;
            }
            IMAPStore imap = store instanceof IMAPStore s ? s : null;
            if (folder instanceof IMAPFolder imapFolder && imap != null && imap.hasCapability("MOVE")) {
                imapFolder.moveMessages(messages, target);
                return;
            }
            folder.copyMessages(messages, target);
            folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            if (folder instanceof IMAPFolder imapFolder && imap != null && imap.hasCapability("UIDPLUS")) {
                // Expunges exactly these messages; a plain EXPUNGE would also remove mail a person deleted.
                imapFolder.expunge(messages);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Mailbox {}: could not move processed mail to {}: {}", settings.name(), settings.processedFolder(),
                    e.toString());
        }
    }

    /**
     * Looks for a mail this mailbox received, by Message-ID, in the folder and the processed folder: for replies
     * to mail that {@link RecentMail} no longer remembers. Empty when not found or the server cannot be reached.
     */
    Optional<RecentMail.Received> findReceived(String messageId) {
        if (messageId == null || messageId.endsWith("@kefu.missing-id>") || messageId.endsWith("@kefu.long-id>")) {
            return Optional.empty();
        }
        try {
            return BundleLoader.run(() -> {
                Store store = session.getStore(settings.imapProtocol());
                MailboxSettings.Server imap = settings.imap();
                store.connect(imap.host(), imap.port(), imap.user(), imap.password());
                try {
                    for (String name : settings.processedFolder().isEmpty() ? List.of(settings.folder())
                            : List.of(settings.folder(), settings.processedFolder())) {
                        Folder folder = store.getFolder(name);
                        if (!folder.exists()) {
                            continue;
                        }
                        folder.open(Folder.READ_ONLY);
                        try {
                            for (Message found : folder.search(new HeaderTerm("Message-ID", messageId))) {
                                String[] ids = found.getHeader("Message-ID");
                                if (ids != null && MailReader.ids(ids[0]).contains(messageId)) {
                                    return Optional.of(received(found, messageId));
                                }
                            }
                        } finally {
                            folder.close(false);
                        }
                    }
                    return Optional.<RecentMail.Received>empty();
                } finally {
                    store.close();
                }
            });
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: cannot look up mail {}: {}", settings.name(), messageId, e.toString());
            return Optional.empty();
        }
    }

    private RecentMail.Received received(Message found, String messageId) throws MessagingException {
        String[] subject = found.getHeader("Subject");
        String[] references = found.getHeader("References");
        List<String> chain = new ArrayList<>(references == null ? List.of() : MailReader.ids(String.join(" ", references)));
        chain.remove(messageId);
        return new RecentMail.Received(settings.name(), subject == null ? "" : MailText.header(subject[0]), chain);
    }
}
