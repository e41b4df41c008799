package io.kefu.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of Kefu that can say whether it works (the database, a mail server a channel depends on). The health
 * endpoint asks every registered check; an operator's monitoring reads the result.
 */
@ConsumerType
public interface HealthCheck {
    /** Short stable name such as {@code database} or {@code email.imap}. */
    String name();

    /** True when working. Must answer within about a second: it is called on every health request. */
    boolean healthy();
}
