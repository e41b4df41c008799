package io.kefu.channel.webchat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.channel.webchat} ({@code conf/kefu.channel.webchat.cfg}); applied while running. */
@ObjectClassDefinition(name = "Kefu web chat", description = "The chat widget customers use on the company's web pages")
@interface WebchatConfig {
    @AttributeDefinition(description = "Origins (scheme://host[:port]) of the pages that may embed the widget, comma"
            + " separated; * allows any page. Connections without an Origin header (non-browser clients) are allowed.")
    String allowedOrigins() default "*";

    @AttributeDefinition(description = "Longest message a visitor may send, in characters.", min = "1")
    int maxMessageChars() default 2000;

    @AttributeDefinition(description = "Messages one connection may send per minute before it is told to slow down.", min = "1")
    int messagesPerMinute() default 30;

    @AttributeDefinition(description = "A connection with no frame for this many seconds is closed (the widget pings"
            + " every 25 s).", min = "30")
    int idleTimeoutSeconds() default 120;
}
