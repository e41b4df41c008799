package io.kefu.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** Delivers notifications to people (email, SMS, a chat app). Every registered notifier receives each one. */
@ConsumerType
public interface Notifier {
    void notify(Notification notification);
}
