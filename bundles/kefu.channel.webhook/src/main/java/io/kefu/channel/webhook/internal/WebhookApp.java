package io.kefu.channel.webhook.internal;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected app's settings, one component per configuration. A configuration that is not valid registers no app
 * (its webhook answers 404) and says why in the log; the other apps keep working.
 */
@Component(service = WebhookApp.class, configurationPid = "kefu.channel.webhook",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebhookAppConfig.class, factory = true)
public final class WebhookApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookApp.class);
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final String id;
    private final Signature signature;
    private final URI outboundUrl;
    private final int maxBodyBytes;
    private final Duration tolerance;

    @Activate
    public WebhookApp(WebhookAppConfig config) {
        this(config.app(), config._secret(), config.outboundUrl(), config.maxBodyBytes(), config.timestampToleranceSeconds());
    }

    WebhookApp(String id, String secret, String outboundUrl, int maxBodyBytes, int toleranceSeconds) {
        try {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("app must be 1-32 characters of a-z, 0-9, '-' and '_', was '" + id + "'");
            }
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("secret of app " + id + " must have at least 16 characters");
            }
            this.outboundUrl = outboundUrl == null || outboundUrl.isBlank() ? null : URI.create(outboundUrl.trim());
            if (this.outboundUrl != null && !("http".equals(this.outboundUrl.getScheme())
                    || "https".equals(this.outboundUrl.getScheme()))) {
                throw new IllegalArgumentException("outboundUrl of app " + id + " must be an http or https URL");
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Webhook app configuration refused: {}", e.getMessage());
            throw e;
        }
        this.id = id;
        this.signature = new Signature(secret);
        this.maxBodyBytes = maxBodyBytes;
        this.tolerance = Duration.ofSeconds(toleranceSeconds);
    }

    String id() {
        return id;
    }

    Signature signature() {
        return signature;
    }

    URI outboundUrl() {
        return outboundUrl;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    Duration tolerance() {
        return tolerance;
    }
}
