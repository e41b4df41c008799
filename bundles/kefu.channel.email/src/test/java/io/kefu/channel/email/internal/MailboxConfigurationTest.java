package io.kefu.channel.email.internal;

import io.kefu.testing.LogCapture;
import static io.kefu.channel.email.internal.TestMail.PASSWORD;
import static io.kefu.channel.email.internal.TestMail.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Configuration as Declarative Services hands it over: checked, refused with the reason, applied while running. */
class MailboxConfigurationTest {
    @RegisterExtension
    static final GreenMailExtension SERVER = TestMail.server();

    /** A configuration as DS builds it from a .cfg file: the given keys, the annotation's defaults for the rest. */
    static MailboxConfig config(Map<String, Object> values) {
        return (MailboxConfig) Proxy.newProxyInstance(MailboxConfig.class.getClassLoader(),
                new Class<?>[] {MailboxConfig.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    private static Map<String, Object> valid() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "support");
        values.put("address", "Support@Kefu.test");
        values.put("imapHost", "imap.kefu.test");
        values.put("imapPassword", PASSWORD);
        return values;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> values = valid();
        values.put(key, value);
        return values;
    }

    @Test
    void aMinimalConfigurationUsesSecureDefaults() {
        MailboxSettings settings = MailboxSettings.from(config(valid()));
        assertThat(settings.address()).isEqualTo("support@kefu.test");
        assertThat(settings.imap().toString()).isEqualTo("ssl://Support@Kefu.test@imap.kefu.test:993");
        assertThat(settings.smtp().host()).isEqualTo("imap.kefu.test");
        assertThat(settings.smtp().port()).isEqualTo(587);
        assertThat(settings.smtpStarttls()).isTrue();
        assertThat(settings.smtp().password()).isEqualTo(PASSWORD);
        assertThat(settings.pollIntervalSeconds()).isEqualTo(30);
        assertThat(settings.folder()).isEqualTo("INBOX");
        assertThat(settings.maxMessageBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(settings.sendsPasswordsInClear()).isFalse();
        assertThat(settings.imapProperties()).containsEntry("mail.imaps.peek", "true");
        assertThat(settings.smtpProperties()).containsEntry("mail.smtp.starttls.required", "true");
        assertThat(settings.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void invalidConfigurationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> MailboxSettings.from(config(with("name", "Support Desk"))))
                .hasMessageContaining("name").hasMessageContaining("a-z");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("address", "support at kefu"))))
                .hasMessageContaining("address 'support at kefu' is not an email address");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("imapHost", " "))))
                .hasMessageContaining("mailbox 'support': imapHost is required");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("imapPassword", ""))))
                .hasMessageContaining("imapPassword is required");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("imapPort", 0)))).hasMessageContaining("imapPort");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("smtpSsl", true))))
                .hasMessageContaining("smtpSsl and smtpStarttls exclude each other");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("pollIntervalSeconds", 0))))
                .hasMessageContaining("pollIntervalSeconds must be at least 1");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("processedFolder", "inbox"))))
                .hasMessageContaining("processedFolder must differ");
        assertThatThrownBy(() -> MailboxSettings.from(config(with("maxMessageBytes", 10))))
                .hasMessageContaining("maxMessageBytes");
    }

    @Test
    void declarativeServicesPublishesNoMailboxServiceOfItsOwn() throws Exception {
        // DS would publish every configuration property, passwords included, with a service it registers.
        String component = Files.readString(Path.of("target/classes/OSGI-INF",
                EmailMailbox.class.getName() + ".xml"));
        assertThat(component).contains("configuration-pid=\"kefu.channel.email\"")
                .contains("configuration-policy=\"require\"").doesNotContain("<service");
    }

    @Test
    void anInvalidMailboxDoesNotActivateAndSaysWhyInTheLog() {
        RecordingIngest ingest = new RecordingIngest();
        try (LogCapture log = new LogCapture(EmailMailbox.class)) {
            assertThatThrownBy(() -> new EmailMailbox(null, ingest, new RecentMail(), config(with("address", ""))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(log.messages()).containsExactly("ERROR Email mailbox configuration refused; this mailbox stays"
                    + " inactive: mailbox 'support': address is required");
        }
    }

    @Test
    void aMailboxPollsOnItsOwnAndKeepsItsSettingsWhenAnEditIsInvalid() throws Exception {
        Map<String, Object> values = new HashMap<>(Map.of("name", "support", "address", SUPPORT,
                "imapHost", "127.0.0.1", "imapPort", SERVER.getImap().getPort(), "imapSsl", false,
                "imapPassword", PASSWORD, "smtpPort", SERVER.getSmtp().getPort(), "smtpStarttls", false,
                "pollIntervalSeconds", 1));
        RecordingIngest ingest = new RecordingIngest();
        FakeBundleContext framework = new FakeBundleContext();
        EmailMailbox mailbox = new EmailMailbox(framework.context(), ingest, new RecentMail(), config(values));
        try {
            assertThat(framework.registered).singleElement().satisfies(service -> {
                assertThat(service.interfaces()).containsExactly("io.kefu.api.spi.HealthCheck",
                        EmailMailbox.class.getName());
                // Only the name: DS would have published the passwords too.
                assertThat(service.properties()).isEqualTo(Map.of("kefu.email.mailbox", "support"));
            });
            TestMail.deliver(SERVER, SUPPORT, TestMail.plain("<auto@example.com>", "Hello", "Polled by itself"));
            awaitTrue(() -> ingest.storedCount() == 1);
            awaitTrue(mailbox::healthy);

            try (LogCapture log = new LogCapture(EmailMailbox.class)) {
                mailbox.modified(config(with("imapPort", -1)));
                assertThat(log.messages()).singleElement().asString()
                        .contains("keeping the current one").contains("imapPort must be 1-65535");
            }
            assertThat(mailbox.settings().imap().port()).isEqualTo(SERVER.getImap().getPort());

            values.put("maxAttachments", 3);
            values.put("name", "helpdesk");
            mailbox.modified(config(values));
            assertThat(mailbox.settings().maxAttachments()).isEqualTo(3);
            assertThat(mailbox.name()).isEqualTo("email.helpdesk");
            assertThat(framework.registered.get(0).properties()).containsEntry("kefu.email.mailbox", "helpdesk");
            TestMail.deliver(SERVER, SUPPORT, TestMail.plain("<auto2@example.com>", "Again", "Still polling"));
            awaitTrue(() -> ingest.storedCount() == 2);
        } finally {
            mailbox.stop();
        }
        assertThat(framework.registered.get(0).properties()).as("unregistered").isEmpty();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
