package io.kefu.channel.email.internal;

import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.spi.HealthCheck;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured mailbox: polls it on a thread of its own and is its health check ({@code email.<name>}, healthy
 * while the last poll reached the IMAP server). A configuration that is not valid activates nothing and says why
 * in the log; the other mailboxes keep working. An invalid edit of a running mailbox is refused the same way, and
 * the mailbox keeps its previous settings.
 *
 * <p>The services are registered by hand rather than by Declarative Services, which would publish every
 * configuration property, the passwords included, as service properties that any bundle (and the shell) can read.
 * They carry only the mailbox's name.
 */
@Component(service = {}, configurationPid = "kefu.channel.email", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = MailboxConfig.class, factory = true)
public final class EmailMailbox implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(EmailMailbox.class);
    /** The one service property: the mailbox's name. */
    static final String MAILBOX_PROPERTY = "kefu.email.mailbox";

    /** The settings in force and what was built from them, swapped whole when the configuration changes. */
    private record Active(MailboxSettings settings, MailboxPoller poller, SmtpSender sender) {
    }

    private final MessageIngest ingest;
    private final RecentMail recent;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final boolean scheduled;
    private volatile Active active;
    private ScheduledFuture<?> polling;
    private ServiceRegistration<?> registration;

    @Activate
    public EmailMailbox(BundleContext context, @Reference MessageIngest ingest, @Reference RecentMail recent,
            MailboxConfig config) {
        this(ingest, recent, checked(config, "Email mailbox configuration refused; this mailbox stays inactive"),
                Clock.systemUTC(), true);
        registration = context.registerService(new String[] {HealthCheck.class.getName(), EmailMailbox.class.getName()},
                this, serviceProperties());
    }

    private Dictionary<String, Object> serviceProperties() {
        return new Hashtable<>(Map.of(MAILBOX_PROPERTY, mailboxName()));
    }

    /** {@code scheduled} false: polls only when asked ({@link #pollNow()}), for tests. */
    EmailMailbox(MessageIngest ingest, RecentMail recent, MailboxSettings settings, Clock clock, boolean scheduled) {
        this.ingest = ingest;
        this.recent = recent;
        this.clock = clock;
        this.scheduled = scheduled;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kefu-email-" + settings.name());
            t.setDaemon(true);
            return t;
        });
        apply(settings);
    }

    private static MailboxSettings checked(MailboxConfig config, String what) {
        try {
            return MailboxSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {}", what, e.getMessage());
            throw e;
        }
    }

    @Modified
    void modified(MailboxConfig config) {
        MailboxSettings settings;
        try {
            settings = MailboxSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring the new configuration of mailbox {} and keeping the current one: {}", mailboxName(),
                    e.getMessage());
            return;
        }
        apply(settings);
        if (registration != null) {
            registration.setProperties(serviceProperties());
        }
    }

    private synchronized void apply(MailboxSettings settings) {
        if (settings.sendsPasswordsInClear()) {
            LOG.warn("Mailbox {} sends its password unencrypted (imapSsl, smtpSsl and smtpStarttls are off)",
                    settings.name());
        }
        SmtpSender sender = new SmtpSender(settings);
        active = new Active(settings, new MailboxPoller(settings, ingest, recent, sender, clock), sender);
        if (polling != null) {
            polling.cancel(false);
        }
        if (scheduled) {
            // Fixed delay, not rate: a slow poll is never overlapped or followed at once by the next.
            polling = thread.scheduleWithFixedDelay(this::pollQuietly, 0, settings.pollIntervalSeconds(), TimeUnit.SECONDS);
        }
    }

    private void pollQuietly() {
        try {
            active.poller().poll();
        } catch (RuntimeException | Error e) {
            // A scheduled task that throws is never run again; this mailbox must keep polling.
            LOG.error("Mailbox {}: poll failed unexpectedly", mailboxName(), e);
        }
    }

    /** Polls now on the mailbox's own thread (so never alongside a scheduled poll) and waits for the outcome. */
    MailboxPoller.Outcome pollNow() {
        try {
            return thread.submit(() -> active.poller().poll()).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("poll of mailbox " + mailboxName() + " failed", e);
        }
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
            registration = null;
        }
        thread.shutdownNow();
    }

    String mailboxName() {
        return active.settings().name();
    }

    MailboxSettings settings() {
        return active.settings();
    }

    SmtpSender sender() {
        return active.sender();
    }

    MailboxPoller poller() {
        return active.poller();
    }

    @Override
    public String name() {
        return "email." + mailboxName();
    }

    @Override
    public boolean healthy() {
        return active.poller().healthy();
    }
}
