package io.kefu.channel.email.internal;

import io.kefu.api.spi.DeliveryReceipt;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Sends one plain-text mail from a mailbox over SMTP and says what a failure means for retrying. */
final class SmtpSender {
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|aw|sv|回复|答复|回覆)\\s*[:：].*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final MailboxSettings settings;
    private final Session session;

    SmtpSender(MailboxSettings settings) {
        this.settings = settings;
        this.session = BundleLoader.session(settings.smtpProperties());
    }

    /**
     * One outgoing mail. {@code inReplyTo} and {@code references} make the customer's mail client show it in the
     * same thread, and make the customer's answer carry our {@code messageId} back in its In-Reply-To.
     * {@code automatic} marks it as sent without a person (RFC 3834), so auto-responders leave it unanswered.
     */
    record Outgoing(String to, String subject, String body, String messageId, String inReplyTo,
            List<String> references, boolean automatic) {
        Outgoing {
            references = List.copyOf(references);
        }
    }

    /** "Re: " + the original subject, unless it already starts with a reply prefix (English or Chinese). */
    static String replySubject(String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        String subject = original.strip();
        return REPLY_PREFIX.matcher(subject).matches() ? subject : "Re: " + subject;
    }

    /**
     * A Message-ID derived from Kefu's own message id, so a retried delivery carries the same id and a mail client
     * that received both attempts shows one mail.
     */
    String messageIdFor(String kefuMessageId) {
        String local = kefuMessageId == null ? "" : kefuMessageId;
        if (!local.matches("[A-Za-z0-9._-]{1,100}")) {
            local = MailReader.sha256(local.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        }
        return "<kefu." + local + "@" + settings.domain() + ">";
    }

    void send(Outgoing outgoing) throws MessagingException {
        BundleLoader.run(() -> {
            MimeMessage mail = compose(outgoing);
            Transport transport = session.getTransport(settings.smtpProtocol());
            try {
                MailboxSettings.Server smtp = settings.smtp();
                if (settings.smtpAuth()) {
                    transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
                } else {
                    transport.connect(smtp.host(), smtp.port(), null, null);
                }
                transport.sendMessage(mail, mail.getAllRecipients());
            } finally {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the mail is sent (or the failure is already on its way up); the connection is gone either way
                }
            }
            return null;
        });
    }

    private MimeMessage compose(Outgoing outgoing) throws MessagingException {
        MimeMessage mail = new FixedIdMessage(session, outgoing.messageId());
        try {
            mail.setFrom(settings.displayName().isEmpty() ? new InternetAddress(settings.address())
                    : new InternetAddress(settings.address(), settings.displayName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every JVM", e);
        }
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(outgoing.to(), true));
        mail.setSubject(outgoing.subject().replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip(), "UTF-8");
        mail.setSentDate(new Date());
        if (outgoing.inReplyTo() != null) {
            mail.setHeader("In-Reply-To", outgoing.inReplyTo());
        }
        if (!outgoing.references().isEmpty()) {
            // Long chains are cut from the front: the first id (the thread's root) and the most recent ones matter.
            List<String> refs = outgoing.references();
            if (refs.size() > 20) {
                refs = new ArrayList<>(refs.subList(refs.size() - 19, refs.size()));
                refs.add(0, outgoing.references().get(0));
            }
            mail.setHeader("References", String.join("\r\n ", refs));
        }
        if (outgoing.automatic()) {
            mail.setHeader("Auto-Submitted", "auto-replied");
        }
        // The text goes in through a DataSource, not setText(): that needs no mailcap lookup to be written. Lines end
        // in CRLF, MIME's canonical form for text, also when the transfer encoding (base64 for mostly-Chinese text)
        // would otherwise carry bare LFs through.
        String canonical = outgoing.body().replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        mail.setDataHandler(new DataHandler(new ByteArrayDataSource(
                canonical.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8")));
        mail.saveChanges();
        return mail;
    }

    /** Keeps the Message-ID Kefu chose instead of the random one {@code saveChanges()} would write. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /**
     * What a failed send means. The SMTP reply code decides where there is one: 4xx is temporary, so Kefu tries
     * again later; 5xx (no such recipient, refused by policy) will not change by retrying. Failures without a
     * reply code (the server cannot be reached, a timeout, a login refused by a password being changed) are
     * worth retrying.
     */
    static DeliveryReceipt failure(MessagingException failure, String recipient) {
        int code = replyCode(failure);
        String reason = describe(failure);
        if (code >= 500) {
            return DeliveryReceipt.failed("the mail server refused the reply to " + recipient + " (" + reason + ")", false);
        }
        if (code >= 400) {
            return DeliveryReceipt.failed("the mail server deferred the reply to " + recipient + " (" + reason + ")", true);
        }
        if (failure instanceof AddressException) {
            return DeliveryReceipt.failed("'" + recipient + "' is not a valid email address", false);
        }
        if (failure instanceof AuthenticationFailedException) {
            return DeliveryReceipt.failed("the SMTP server refused the mailbox's login (" + reason + ")", true);
        }
        return DeliveryReceipt.failed("the SMTP server could not be used: " + reason, true);
    }

    /** The first SMTP reply code found along the failure's chain of exceptions, or 0. */
    static int replyCode(Exception failure) {
        Throwable at = failure;
        for (int depth = 0; at != null && depth < 10; depth++) {
            int code = 0;
            if (at instanceof SMTPAddressFailedException f) {
                code = f.getReturnCode();
            } else if (at instanceof SMTPSendFailedException f) {
                code = f.getReturnCode();
            } else if (at instanceof SMTPSenderFailedException f) {
                code = f.getReturnCode();
            }
            if (code >= 400 && code < 600) {
                return code;
            }
            Throwable next = at instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException() : at.getCause();
            at = next == at ? null : next;
        }
        return 0;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable at = failure;
        for (int depth = 0; at != null && depth < 4; depth++) {
            String message = at.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(message.strip());
            }
            Throwable next = at instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException() : at.getCause();
            at = next == at ? null : next;
        }
        String result = text.length() == 0 ? failure.getClass().getSimpleName() : text.toString();
        result = result.replaceAll("\\s+", " ");
        return result.length() > 300 ? result.substring(0, 299) + "…" : result;
    }
}
