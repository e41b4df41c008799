package io.kefu.channel.webhook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One connected messaging app: factory PID {@code kefu.channel.webhook}, one file per app such as
 * {@code conf/kefu.channel.webhook-wechat.cfg}. Applied while running.
 */
@ObjectClassDefinition(name = "Kefu webhook app", description = "A messaging app connected to Kefu by webhook")
@interface WebhookAppConfig {
    @AttributeDefinition(description = "Short id of the app, used in its inbound URL /api/webhook/<app>/messages"
            + " and as the prefix of its users' identities (lower case letters, digits, '-' and '_').")
    String app();

    /** Key {@code .secret}: private (leading dot), so it is not published with the app's service properties. */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Shared secret (key .secret) for the HMAC-SHA256"
            + " signatures in both directions; at least 16 characters.")
    String _secret();

    @AttributeDefinition(description = "Where Kefu POSTs replies for this app's users (http or https); empty to not send.")
    String outboundUrl() default "";

    @AttributeDefinition(description = "Largest inbound request body accepted, in bytes.", min = "1024")
    int maxBodyBytes() default 65_536;

    @AttributeDefinition(description = "How far a request's timestamp may be from Kefu's clock, in seconds;"
            + " older requests are refused as replays.", min = "10")
    int timestampToleranceSeconds() default 300;
}
