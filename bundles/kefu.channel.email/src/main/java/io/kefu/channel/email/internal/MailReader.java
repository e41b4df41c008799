package io.kefu.channel.email.internal;

import io.kefu.api.conversation.Attachment;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mail's raw bytes into a {@link ReceivedMail}: sender, ids for idempotency and threading, readable text
 * and attachment metadata. Multiparts are parsed straight from their bytes (never through {@code getContent()}),
 * so reading needs none of Jakarta Activation's mailcap lookups, which are what breaks first inside OSGi.
 */
final class MailReader {
    /** Kefu stores channel message ids of at most this many characters. */
    static final int MAX_ID_LENGTH = 255;

    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");
    private static final List<String> SIGNATURE_TYPES = List.of("application/pkcs7-signature",
            "application/x-pkcs7-signature", "application/pgp-signature");

    private final Session session;
    private final int maxBodyChars;

    MailReader(Session session, int maxBodyChars) {
        this.session = session;
        this.maxBodyChars = maxBodyChars;
    }

    ReceivedMail read(byte[] raw) throws MessagingException, IOException {
        MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw));
        String messageId = messageId(mail.getHeader("Message-ID", null), () -> syntheticId(mail, raw));
        List<String> references = ids(mail.getHeader("References", " "));
        List<String> inReplyTo = ids(mail.getHeader("In-Reply-To", " "));
        String threadHint = !inReplyTo.isEmpty() ? inReplyTo.get(0)
                : references.isEmpty() ? null : references.get(references.size() - 1);
        if (threadHint != null && !references.contains(threadHint)) {
            references = new ArrayList<>(references);
            references.add(threadHint);
        }
        String subject = MailText.header(mail.getHeader("Subject", null));

        Content content = new Content(messageId);
        walk(mail, "", true, content);
        String text = normalise(content.text.toString());
        if (threadHint != null) {
            text = QuotedReply.strip(text);
        }
        String body = compose(subject, text, threadHint != null);
        return new ReceivedMail(messageId, threadHint, references, sender(mail), subject == null ? "" : subject,
                body, content.attachments, automated(mail));
    }

    /**
     * The body Kefu stores. A mail that starts a thread keeps its subject as the first line: it is often the whole
     * point ("Order 1234 arrived broken"), and Kefu takes a conversation's subject from a message's first line.
     * Replies leave the repeated "Re: ..." out. Very long text is cut with a note; the mail itself stays in the
     * mailbox for anyone who needs the rest.
     */
    private String compose(String subject, String text, boolean reply) {
        String body;
        boolean hasSubject = subject != null && !subject.isBlank();
        if (hasSubject && (!reply || text.isBlank())) {
            body = text.isBlank() ? subject.strip() : subject.strip() + "\n\n" + text;
        } else {
            body = text;
        }
        if (body.length() > maxBodyChars) {
            String note = "\n\n[… cut here: the rest of this email is too long for Kefu; it stays in the mailbox]";
            int cut = Math.max(0, maxBodyChars - note.length());
            if (cut > 0 && Character.isHighSurrogate(body.charAt(cut - 1))) {
                cut--;
            }
            body = body.substring(0, cut) + note;
        }
        return body;
    }

    private static final class Content {
        final StringBuilder text = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        final String messageId;

        Content(String messageId) {
            this.messageId = messageId;
        }

        void addText(String more) {
            if (more.isBlank()) {
                return;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(more.strip());
        }
    }

    /**
     * Collects text and attachments depth-first. {@code path} is the part's IMAP section number ("2.1"), which
     * becomes the attachment's id after the message id, so that its content can be fetched later on its own.
     * {@code wantText} is false inside the alternatives not chosen for
     * the body: their text is the same message again, but their non-text parts (an image pasted into the HTML
     * version) are still attachments.
     */
    private void walk(Part part, String path, boolean wantText, Content content) throws MessagingException, IOException {
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
            int count = multipart.getCount();
            int chosen = type.equals("multipart/alternative") ? preferredAlternative(multipart) : -1;
            for (int i = 0; i < count; i++) {
                boolean text = wantText && (chosen < 0 || chosen == i);
                walk(multipart.getBodyPart(i), path.isEmpty() ? String.valueOf(i + 1) : path + "." + (i + 1), text,
                        content);
            }
            return;
        }
        if (SIGNATURE_TYPES.contains(type)) {
            return;
        }
        boolean textType = type.equals("text/plain") || type.equals("text/html");
        if (textType && !isAttachment(part)) {
            if (wantText) {
                String decoded = MailText.decode(bytes(part), charsetOf(part));
                content.addText(type.equals("text/html") ? HtmlText.toText(decoded) : decoded);
            }
            return;
        }
        if (textType && !wantText) {
            return;
        }
        String name = fileName(part);
        if (name == null && type.equals("message/rfc822")) {
            name = "message.eml";
        }
        String section = path.isEmpty() ? "1" : path;
        content.attachments.add(new Attachment(content.messageId + "#" + section,
                name == null ? "attachment-" + section : name, type, size(part)));
    }

    /** Prefers plain text (what the sender wrote), then HTML, then any nested multipart holding either. */
    private static int preferredAlternative(MimeMultipart alternative) throws MessagingException {
        int html = -1;
        int nested = -1;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart child = alternative.getBodyPart(i);
            String type = baseType(child);
            if (type.equals("text/plain") && !isAttachment(child)) {
                return i;
            }
            if (type.equals("text/html") && html < 0) {
                html = i;
            } else if (type.startsWith("multipart/") && nested < 0) {
                nested = i;
            }
        }
        return html >= 0 ? html : nested;
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName(part) != null;
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static String baseType(Part part) {
        try {
            String raw = part.getContentType();
            return raw == null ? "text/plain" : new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException malformed) {
            // RFC 2045: a Content-Type that cannot be read is treated as the default, plain text.
            return "text/plain";
        }
    }

    private static String charsetOf(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException malformed) {
            return null;
        }
    }

    /** File names arrive RFC 2231-encoded, RFC 2047-encoded (not allowed there, yet common) or as raw bytes. */
    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            name = MailText.header(name);
            // Only the last path segment: a name is shown to agents and may one day name a stored file.
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            name = name.substring(slash + 1).strip();
            return name.isEmpty() ? null : name;
        } catch (MessagingException malformed) {
            return null;
        }
    }

    /** The part's content with its transfer encoding undone; its raw bytes when the encoding is unknown. */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException unknownEncoding) {
            if (part instanceof MimeBodyPart body) {
                try (InputStream in = body.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
            if (part instanceof MimeMessage message) {
                try (InputStream in = message.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
            throw unknownEncoding;
        }
    }

    /** The decoded size; only the count is kept, the content itself is not stored by this channel yet. */
    private static long size(Part part) throws MessagingException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | MessagingException unreadable) {
            return Math.max(0, part.getSize());
        }
    }

    private static String normalise(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "");
        StringBuilder out = new StringBuilder(unified.length());
        for (String line : unified.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }

    /** The sender's address in lower case: From, else Sender, else Reply-To. */
    private static String sender(MimeMessage mail) throws MessagingException {
        for (String header : List.of("From", "Sender", "Reply-To")) {
            String raw = mail.getHeader(header, ",");
            if (raw == null) {
                continue;
            }
            try {
                for (InternetAddress address : InternetAddress.parseHeader(raw, false)) {
                    String value = address.getAddress();
                    if (value != null && value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1) {
                        return value.strip().toLowerCase(Locale.ROOT);
                    }
                }
            } catch (AddressException unreadable) {
                // try the next header
            }
        }
        return null;
    }

    /**
     * Whether the mail announces itself as machine-sent (RFC 3834 Auto-Submitted, Precedence, mailing lists,
     * delivery reports). Answering those automatically is how mail loops start.
     */
    private static boolean automated(MimeMessage mail) throws MessagingException {
        String autoSubmitted = mail.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = mail.getHeader("Precedence", null);
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("\\s*(bulk|junk|list|auto_reply)\\s*")) {
            return true;
        }
        if (mail.getHeader("List-Id", null) != null || mail.getHeader("List-Unsubscribe", null) != null
                || mail.getHeader("X-Autoreply", null) != null || mail.getHeader("X-Autorespond", null) != null) {
            return true;
        }
        String returnPath = mail.getHeader("Return-Path", null);
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return true;
        }
        String type = baseType(mail);
        if (type.equals("multipart/report")) {
            return true;
        }
        String from = sender(mail);
        if (from != null) {
            String local = from.substring(0, from.indexOf('@'));
            return local.equals("mailer-daemon") || local.equals("postmaster") || local.startsWith("noreply")
                    || local.startsWith("no-reply") || local.startsWith("donotreply") || local.startsWith("do-not-reply");
        }
        return false;
    }

    interface IdSupplier {
        String get() throws MessagingException, IOException;
    }

    /**
     * The channel message id: the header's {@code <id>} as written, or the bare value put in brackets. A missing
     * id is replaced by {@code fallback}; an id too long for Kefu by a digest of it, so both stay stable across
     * polls and deliveries.
     */
    static String messageId(String header, IdSupplier fallback) throws MessagingException, IOException {
        List<String> ids = ids(header);
        String id;
        if (!ids.isEmpty()) {
            id = ids.get(0);
        } else if (header != null && !header.isBlank() && !header.strip().contains(" ")) {
            id = "<" + header.strip().replace("<", "").replace(">", "") + ">";
        } else {
            return fallback.get();
        }
        return bounded(id);
    }

    static String bounded(String id) {
        return id.length() <= MAX_ID_LENGTH ? id : "<" + sha256(id.getBytes(StandardCharsets.UTF_8)) + "@kefu.long-id>";
    }

    /** All {@code <...>} message ids in a header, in order; ids too long for Kefu by their digest. */
    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher id = MSG_ID.matcher(header);
        while (id.find()) {
            ids.add(bounded(id.group()));
        }
        return ids;
    }

    /**
     * For mail without a Message-ID: a digest of what identifies it to its sender (sender, recipients, date,
     * subject) and of its content. Headers added along the way (Received, Return-Path) are left out, so the same mail
     * delivered twice gets the same id, and so of course does the same mail read again.
     */
    private static String syntheticId(MimeMessage mail, byte[] raw) throws MessagingException {
        StringBuilder identity = new StringBuilder();
        for (String header : List.of("From", "To", "Cc", "Date", "Subject")) {
            String value = mail.getHeader(header, "\n");
            identity.append(header).append(':').append(value == null ? "" : value.strip()).append('\n');
        }
        byte[] head = identity.toString().getBytes(StandardCharsets.UTF_8);
        int bodyStart = bodyStart(raw);
        byte[] digestInput = new byte[head.length + raw.length - bodyStart];
        System.arraycopy(head, 0, digestInput, 0, head.length);
        System.arraycopy(raw, bodyStart, digestInput, head.length, raw.length - bodyStart);
        return "<" + sha256(digestInput) + "@kefu.missing-id>";
    }

    /** Where the body starts: after the first empty line (CRLF CRLF or LF LF). */
    private static int bodyStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return i + 2;
            }
            if (raw[i] == '\n' && raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
                return i + 3;
            }
        }
        return raw.length;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
