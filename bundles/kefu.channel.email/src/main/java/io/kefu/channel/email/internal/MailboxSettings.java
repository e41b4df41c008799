package io.kefu.channel.email.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A mailbox's configuration, checked. Construction fails with an {@link IllegalArgumentException} that names the
 * mailbox and the setting at fault, which is what the operator sees in the log.
 */
record MailboxSettings(String name, String address, String displayName, Server imap, String folder,
        String processedFolder, int pollIntervalSeconds, Server smtp, boolean smtpStarttls, boolean smtpAuth,
        int maxMessageBytes, int maxAttachments, int maxBodyChars, boolean replyToRefused, String fallbackSubject) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** How Kefu reaches one mail server. {@code toString} leaves the password out: settings appear in logs. */
    record Server(String host, int port, boolean ssl, String user, String password) {
        @Override
        public String toString() {
            return (ssl ? "ssl://" : "") + user + "@" + host + ":" + port;
        }
    }

    /** Mail connections give up rather than hang a poll or a delivery. */
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int IO_TIMEOUT_MS = 30_000;

    MailboxSettings {
        String which = "mailbox '" + name + "'";
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-32 characters of a-z, 0-9, '-' and '_', was '" + name + "'");
        }
        address = checkAddress(which, address);
        displayName = displayName == null ? "" : displayName.strip();
        imap = checkServer(which, "imap", imap);
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException(which + ": folder must not be empty");
        }
        folder = folder.strip();
        processedFolder = processedFolder == null ? "" : processedFolder.strip();
        if (processedFolder.equalsIgnoreCase(folder)) {
            throw new IllegalArgumentException(which + ": processedFolder must differ from folder '" + folder + "'");
        }
        if (pollIntervalSeconds < 1) {
            throw new IllegalArgumentException(which + ": pollIntervalSeconds must be at least 1, was " + pollIntervalSeconds);
        }
        smtp = checkServer(which, "smtp", smtp);
        if (smtp.ssl() && smtpStarttls) {
            throw new IllegalArgumentException(which + ": smtpSsl and smtpStarttls exclude each other"
                    + " (SSL from the start on port 465, or STARTTLS on port 587)");
        }
        if (smtpAuth && smtp.password().isEmpty()) {
            throw new IllegalArgumentException(which + ": smtpAuth needs a password (smtpPassword or imapPassword)");
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException(which + ": maxMessageBytes must be at least 1024, was " + maxMessageBytes);
        }
        if (maxAttachments < 0) {
            throw new IllegalArgumentException(which + ": maxAttachments must not be negative, was " + maxAttachments);
        }
        if (maxBodyChars < 100) {
            throw new IllegalArgumentException(which + ": maxBodyChars must be at least 100, was " + maxBodyChars);
        }
        fallbackSubject = fallbackSubject == null || fallbackSubject.isBlank() ? "Re: your message" : fallbackSubject.strip();
    }

    static MailboxSettings from(MailboxConfig config) {
        String address = config.address() == null ? null : config.address().strip();
        String imapUser = blank(config.imapUser()) ? address : config.imapUser().strip();
        String imapPassword = config.imapPassword() == null ? "" : config.imapPassword();
        if (imapPassword.isEmpty()) {
            throw new IllegalArgumentException("mailbox '" + config.name() + "': imapPassword is required");
        }
        Server imap = new Server(config.imapHost(), config.imapPort(), config.imapSsl(), imapUser, imapPassword);
        Server smtp = new Server(blank(config.smtpHost()) ? config.imapHost() : config.smtpHost(), config.smtpPort(),
                config.smtpSsl(), blank(config.smtpUser()) ? imapUser : config.smtpUser().strip(),
                blank(config.smtpPassword()) ? imapPassword : config.smtpPassword());
        return new MailboxSettings(config.name(), address, config.displayName(), imap, config.folder(),
                config.processedFolder(), config.pollIntervalSeconds(), smtp, config.smtpStarttls(), config.smtpAuth(),
                config.maxMessageBytes(), config.maxAttachments(), config.maxBodyChars(), config.replyToRefused(),
                config.fallbackSubject());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String checkAddress(String which, String address) {
        if (blank(address)) {
            throw new IllegalArgumentException(which + ": address is required");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            if (parsed.getPersonal() != null || parsed.getAddress().indexOf('@') < 1) {
                throw new AddressException("not a plain address");
            }
            return parsed.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new IllegalArgumentException(which + ": address '" + address + "' is not an email address like"
                    + " support@example.com");
        }
    }

    private static Server checkServer(String which, String protocol, Server server) {
        if (blank(server.host()) || server.host().strip().contains(" ")) {
            throw new IllegalArgumentException(which + ": " + protocol + "Host is required");
        }
        if (server.port() < 1 || server.port() > 65535) {
            throw new IllegalArgumentException(which + ": " + protocol + "Port must be 1-65535, was " + server.port());
        }
        if (blank(server.user())) {
            throw new IllegalArgumentException(which + ": " + protocol + "User is required");
        }
        return new Server(server.host().strip(), server.port(), server.ssl(), server.user(),
                server.password() == null ? "" : server.password());
    }

    /** Whether passwords would cross the network unencrypted (fine on loopback, worth a warning elsewhere). */
    boolean sendsPasswordsInClear() {
        boolean imapClear = !imap.ssl() && !loopback(imap.host());
        boolean smtpClear = smtpAuth && !smtp.ssl() && !smtpStarttls && !loopback(smtp.host());
        return imapClear || smtpClear;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    String imapProtocol() {
        return imap.ssl() ? "imaps" : "imap";
    }

    String smtpProtocol() {
        return smtp.ssl() ? "smtps" : "smtp";
    }

    /**
     * Session properties for reading. {@code peek} makes fetching a message leave its \Seen flag alone: Kefu sets
     * \Seen itself, and only once the message is stored, so a failure in between leaves the mail unread for the
     * next poll.
     */
    Properties imapProperties() {
        String p = "mail." + imapProtocol() + ".";
        Properties props = common();
        props.setProperty("mail.store.protocol", imapProtocol());
        props.setProperty(p + "host", imap.host());
        props.setProperty(p + "port", Integer.toString(imap.port()));
        props.setProperty(p + "peek", "true");
        props.setProperty(p + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        props.setProperty(p + "timeout", Integer.toString(IO_TIMEOUT_MS));
        props.setProperty(p + "writetimeout", Integer.toString(IO_TIMEOUT_MS));
        props.setProperty(p + "fetchsize", Integer.toString(256 * 1024));
        props.setProperty(p + "ssl.checkserveridentity", "true");
        return props;
    }

    /** Session properties for sending. STARTTLS, when asked for, is required: never log in in the clear instead. */
    Properties smtpProperties() {
        String p = "mail." + smtpProtocol() + ".";
        Properties props = common();
        props.setProperty("mail.transport.protocol", smtpProtocol());
        props.setProperty(p + "host", smtp.host());
        props.setProperty(p + "port", Integer.toString(smtp.port()));
        props.setProperty(p + "auth", Boolean.toString(smtpAuth));
        props.setProperty(p + "starttls.enable", Boolean.toString(smtpStarttls));
        props.setProperty(p + "starttls.required", Boolean.toString(smtpStarttls));
        props.setProperty(p + "from", address);
        props.setProperty(p + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        props.setProperty(p + "timeout", Integer.toString(IO_TIMEOUT_MS));
        props.setProperty(p + "writetimeout", Integer.toString(IO_TIMEOUT_MS));
        props.setProperty(p + "ssl.checkserveridentity", "true");
        return props;
    }

    private static Properties common() {
        Properties props = new Properties();
        // Real-world mail breaks the address grammar often enough; a readable address is good enough to answer.
        props.setProperty("mail.mime.address.strict", "false");
        // File names are decoded by MailText, which also copes with raw GBK bytes.
        props.setProperty("mail.mime.decodefilename", "false");
        return props;
    }

    String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "mailbox " + name + " <" + address + "> imap " + imap + " smtp " + smtp;
    }
}
