package io.kefu.api.spi;

import java.util.Map;

/**
 * Something a person should learn about outside the workbench (an SLA breach, an angry VIP). {@code recipient}
 * is a Kefu username or a team id; {@code attributes} carry machine-readable details such as a ticket id.
 */
public record Notification(String recipient, String subject, String text, Map<String, String> attributes) {
    public Notification {
        attributes = Map.copyOf(attributes);
    }
}
