package io.kefu.channel.email.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * What the channel remembers about mail it recently took in, by Message-ID: which mailbox received it, its subject
 * and its References. A reply to that mail is then sent from the same mailbox, as "Re: <subject>", continuing the
 * customer's thread. Kept in memory and bounded; after a restart, or for very old mail, the channel asks the
 * mailboxes' IMAP servers instead (see {@link EmailChannel}).
 */
@Component(service = RecentMail.class)
public final class RecentMail {
    static final int CAPACITY = 10_000;

    record Received(String mailbox, String subject, List<String> references) {
        Received {
            references = List.copyOf(references);
        }
    }

    private final Map<String, Received> byMessageId = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Received> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void remember(String messageId, Received received) {
        byMessageId.put(messageId, received);
    }

    synchronized Optional<Received> lookup(String messageId) {
        return messageId == null ? Optional.empty() : Optional.ofNullable(byMessageId.get(messageId));
    }
}
