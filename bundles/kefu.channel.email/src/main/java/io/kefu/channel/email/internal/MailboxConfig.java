package io.kefu.channel.email.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One support mailbox: factory PID {@code kefu.channel.email}, one file per mailbox such as
 * {@code conf/kefu.channel.email-support.cfg}. Applied while running; an invalid edit is refused and the mailbox keeps
 * its previous settings.
 */
@ObjectClassDefinition(name = "Kefu email mailbox", description = "A mailbox whose mail becomes conversations in Kefu")
@interface MailboxConfig {
    @AttributeDefinition(description = "Short name of the mailbox, used in logs and in its health check"
            + " email.<name> (lower case letters, digits, '-' and '_').")
    String name();

    @AttributeDefinition(description = "The mailbox's address; replies are sent from it.")
    String address();

    @AttributeDefinition(description = "Name shown with the address on replies, such as 'Acme Support'; empty for none.")
    String displayName() default "";

    @AttributeDefinition(description = "IMAP server host name.")
    String imapHost();

    @AttributeDefinition(description = "IMAP port: 993 for IMAPS (SSL), 143 for plain IMAP.", min = "1", max = "65535")
    int imapPort() default 993;

    @AttributeDefinition(description = "Connect to IMAP over SSL/TLS (IMAPS).")
    boolean imapSsl() default true;

    @AttributeDefinition(description = "IMAP user name; empty to use the address.")
    String imapUser() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "IMAP password (or app password).")
    String imapPassword();

    @AttributeDefinition(description = "Folder read for new mail.")
    String folder() default "INBOX";

    @AttributeDefinition(description = "Folder that mail is moved to once Kefu has stored it; empty to leave it"
            + " in place, marked as read. Created when missing.")
    String processedFolder() default "";

    @AttributeDefinition(description = "Seconds between two checks for new mail.", min = "1")
    int pollIntervalSeconds() default 30;

    @AttributeDefinition(description = "SMTP server host name; empty to use the IMAP host.")
    String smtpHost() default "";

    @AttributeDefinition(description = "SMTP port: 587 for submission with STARTTLS, 465 for SMTPS (SSL).",
            min = "1", max = "65535")
    int smtpPort() default 587;

    @AttributeDefinition(description = "Upgrade the SMTP connection with STARTTLS, and refuse to send if the server"
            + " does not offer it.")
    boolean smtpStarttls() default true;

    @AttributeDefinition(description = "Connect to SMTP over SSL/TLS from the start (SMTPS, usually port 465).")
    boolean smtpSsl() default false;

    @AttributeDefinition(description = "Log in to the SMTP server.")
    boolean smtpAuth() default true;

    @AttributeDefinition(description = "SMTP user name; empty to use the IMAP user.")
    String smtpUser() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SMTP password; empty to use the IMAP password.")
    String smtpPassword() default "";

    @AttributeDefinition(description = "Largest mail taken in, in bytes, attachments included; larger mail is"
            + " refused (see replyToRefused).", min = "1024")
    int maxMessageBytes() default 10 * 1024 * 1024;

    @AttributeDefinition(description = "Most attachments a mail may have; mail with more is refused.", min = "0")
    int maxAttachments() default 10;

    @AttributeDefinition(description = "Longest text kept from one mail, in characters; longer text is cut with a note.",
            min = "100")
    int maxBodyChars() default 20_000;

    @AttributeDefinition(description = "Answer refused mail (too large, too many attachments) with a short note"
            + " saying why, unless it was sent by a machine.")
    boolean replyToRefused() default true;

    @AttributeDefinition(description = "Subject of replies whose original subject Kefu no longer knows.")
    String fallbackSubject() default "Re: your message";
}
