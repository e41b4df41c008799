package io.kefu.channel.email.internal;

import io.kefu.api.customer.IdentityType;
import io.kefu.api.spi.Channel;
import io.kefu.api.spi.DeliveryReceipt;
import io.kefu.api.spi.OutboundMessage;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code email} channel, outbound. A reply goes to the customer's EMAIL identity over SMTP from the mailbox
 * that received the mail it answers, as "Re: &lt;that mail's subject&gt;", with In-Reply-To and References naming
 * that mail, so the customer's mail client threads it and the customer's answer comes back with our Message-ID
 * in its In-Reply-To, which Kefu follows to the same conversation.
 *
 * <p>Which mailbox and subject: what {@link RecentMail} remembers; else the mail is looked up by Message-ID on each
 * mailbox's IMAP server; else the first mailbox by name and its {@code fallbackSubject}.
 */
@Component(service = {Channel.class, EmailChannel.class}, property = "kefu.channel=email")
public final class EmailChannel implements Channel {
    static final String ID = MailboxPoller.CHANNEL;
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final List<EmailMailbox> mailboxes = new CopyOnWriteArrayList<>();
    private final RecentMail recent;

    @Activate
    public EmailChannel(@Reference RecentMail recent) {
        this.recent = recent;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMailbox(EmailMailbox mailbox) {
        if (mailboxes.stream().anyMatch(m -> m.mailboxName().equals(mailbox.mailboxName()))) {
            LOG.error("Two email mailbox configurations use the name '{}'; replies use the first one",
                    mailbox.mailboxName());
        }
        mailboxes.add(mailbox);
    }

    void removeMailbox(EmailMailbox mailbox) {
        mailboxes.remove(mailbox);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Email";
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        if (message.to().type() != IdentityType.EMAIL) {
            return DeliveryReceipt.failed("the recipient is not an email address: " + message.to().type(), false);
        }
        List<EmailMailbox> candidates = new ArrayList<>(mailboxes);
        if (candidates.isEmpty()) {
            // Retryable: a mailbox may be configured (or its configuration fixed) before Kefu gives up.
            return DeliveryReceipt.failed("no email mailbox is configured", true);
        }
        candidates.sort(Comparator.comparing(EmailMailbox::mailboxName));
        Optional<RecentMail.Received> original = original(message.inReplyTo(), candidates);
        EmailMailbox mailbox = original.flatMap(o -> candidates.stream()
                .filter(m -> m.mailboxName().equals(o.mailbox())).findFirst()).orElse(candidates.get(0));
        SmtpSender sender = mailbox.sender();
        String subject = original.map(o -> SmtpSender.replySubject(o.subject()))
                .orElse(mailbox.settings().fallbackSubject());
        if (subject == null) {
            subject = mailbox.settings().fallbackSubject();
        }
        List<String> references = new ArrayList<>(original.map(RecentMail.Received::references).orElse(List.of()));
        String inReplyTo = threadable(message.inReplyTo()) ? message.inReplyTo() : null;
        if (inReplyTo != null && !references.contains(inReplyTo)) {
            references.add(inReplyTo);
        }
        String messageId = sender.messageIdFor(message.messageId());
        try {
            sender.send(new SmtpSender.Outgoing(message.to().value(), subject, message.body() == null ? ""
                    : message.body(), messageId, inReplyTo, references, false));
        } catch (MessagingException e) {
            DeliveryReceipt failed = SmtpSender.failure(e, message.to().value());
            LOG.warn("Mailbox {}: reply {} not sent ({}): {}", mailbox.mailboxName(), message.messageId(),
                    failed.retryable() ? "will retry" : "final", failed.error());
            return failed;
        }
        if (!message.attachments().isEmpty()) {
            LOG.warn("Mailbox {}: reply {} was sent without its {} attachments; the email channel sends text only",
                    mailbox.mailboxName(), message.messageId(), message.attachments().size());
        }
        return DeliveryReceipt.delivered(messageId);
    }

    /** Ids Kefu made up for mail that had none (or too long a one) mean nothing to the customer's mail client. */
    private static boolean threadable(String messageId) {
        return messageId != null && MailReader.ids(messageId).equals(List.of(messageId))
                && !messageId.endsWith("@kefu.missing-id>")
                && !messageId.endsWith("@kefu.long-id>");
    }

    private Optional<RecentMail.Received> original(String inReplyTo, List<EmailMailbox> candidates) {
        if (inReplyTo == null) {
            return Optional.empty();
        }
        Optional<RecentMail.Received> remembered = recent.lookup(inReplyTo);
        if (remembered.isPresent()) {
            return remembered;
        }
        for (EmailMailbox mailbox : candidates) {
            Optional<RecentMail.Received> found = mailbox.poller().findReceived(inReplyTo);
            if (found.isPresent()) {
                recent.remember(inReplyTo, found.get());
                return found;
            }
        }
        return Optional.empty();
    }
}
