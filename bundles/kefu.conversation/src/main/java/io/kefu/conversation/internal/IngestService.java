package io.kefu.conversation.internal;

import io.kefu.api.conversation.ConversationEvents;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.DeliveryState;
import io.kefu.api.conversation.HandlingState;
import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.conversation.IngestReceipt;
import io.kefu.api.conversation.MessageDirection;
import io.kefu.api.conversation.MessageIngest;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.CustomerTier;
import io.kefu.api.spi.Bot;
import io.kefu.conversation.internal.Rows.ConversationRow;
import io.kefu.conversation.internal.Rows.CustomerRow;
import io.kefu.conversation.internal.Rows.IdentityRow;
import io.kefu.conversation.internal.Rows.MessageRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.exceptions.PersistenceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every customer message enters Kefu. In one transaction it finds or creates the customer behind the sender's
 * identity, finds the conversation the message continues (or opens one) and stores the message; only then does the
 * channel get its receipt. A channel message id seen before returns the first receipt again: the database's unique
 * key on (channel, channel message id) settles even two deliveries racing each other.
 */
@Component(service = {MessageIngest.class, IngestService.class}, configurationPid = "kefu.conversation")
@Designate(ocd = ConversationConfig.class)
public final class IngestService implements MessageIngest {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final ConversationData data;
    private final ConversationEventPublisher events;
    private final Clock clock;
    private volatile IngestLimits limits;

    /** Bots that answer new conversations first; while none answers a channel, its conversations start queued. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<Bot> bots = new CopyOnWriteArrayList<>();

    @Activate
    public IngestService(@Reference ConversationData data, @Reference ConversationEventPublisher events,
            ConversationConfig config) {
        this(data, events, IngestLimits.from(config), Clock.systemUTC());
    }

    IngestService(ConversationData data, ConversationEventPublisher events, IngestLimits limits, Clock clock) {
        this.data = data;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    @Modified
    void modified(ConversationConfig config) {
        try {
            limits = IngestLimits.from(config);
        } catch (RuntimeException e) {
            LOG.error("Ignoring the new kefu.conversation configuration and keeping the current one: {}", e.getMessage());
        }
    }

    @Override
    public IngestReceipt ingest(InboundMessage message) {
        limits.check(message);
        ChannelIdentity from = normalise(message.from());
        Stored stored;
        try {
            stored = store(message, from);
        } catch (PersistenceException raced) {
            // Another delivery of the same message, or a first message from the same new identity, committed first.
            IngestReceipt duplicate = duplicateOf(message);
            if (duplicate != null) {
                return duplicate;
            }
            stored = store(message, from);
        }
        if (stored.receipt().duplicate()) {
            return stored.receipt();
        }
        IngestReceipt receipt = stored.receipt();
        if (stored.opened()) {
            events.post(ConversationEvents.OPENED, ConversationEvents.CONVERSATION, receipt.conversationId(),
                    ConversationEvents.CUSTOMER, receipt.customerId(), ConversationEvents.CHANNEL, message.channel());
        }
        events.post(ConversationEvents.MESSAGE_RECEIVED, ConversationEvents.CONVERSATION, receipt.conversationId(),
                ConversationEvents.CUSTOMER, receipt.customerId(), ConversationEvents.MESSAGE, receipt.messageId(),
                ConversationEvents.CHANNEL, message.channel());
        return receipt;
    }

    private record Stored(IngestReceipt receipt, boolean opened) {
    }

    private Stored store(InboundMessage message, ChannelIdentity from) {
        Instant now = clock.instant();
        HandlingState firstHandling = botAnswers(message.channel()) ? HandlingState.BOT : HandlingState.QUEUED;
        return data.writeGrouped(mapper -> {
            if (message.channelMessageId() != null) {
                MessageRow seen = mapper.messageByChannelId(message.channel(), message.channelMessageId());
                if (seen != null) {
                    return new Stored(receiptFor(mapper, seen), false);
                }
            }
            String customerId = customerFor(mapper, from, now);
            ConversationRow conversation = continued(mapper, message, customerId, now);
            boolean opened = conversation == null;
            if (opened) {
                conversation = new ConversationRow(UUID.randomUUID().toString(), customerId, message.channel(),
                        ConversationStatus.OPEN.name(), firstHandling.name(), null, null, subject(message.body()),
                        from.type().name(), from.value(), now, now, now);
                mapper.insertConversation(conversation);
            } else {
                mapper.touch(conversation.id(), now, ConversationStatus.OPEN.name());
            }
            String messageId = UUID.randomUUID().toString();
            mapper.insertMessage(new MessageRow(0, messageId, conversation.id(), MessageDirection.INBOUND.name(),
                    message.channel(), message.channelMessageId(), message.body() == null ? "" : message.body(), null,
                    AttachmentList.format(message.attachments()), DeliveryState.RECEIVED.name(), null,
                    message.receivedAt() == null ? now : message.receivedAt()));
            return new Stored(new IngestReceipt(messageId, conversation.id(), customerId, false), opened);
        });
    }

    private boolean botAnswers(String channel) {
        for (Bot bot : bots) {
            try {
                if (bot.answers(channel)) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.error("Bot {} failed to say whether it answers {}; not counting on it", bot, channel, e);
            }
        }
        return false;
    }

    /** Registers a bot by hand, as DS does (for tests). */
    void addBot(Bot bot) {
        bots.add(bot);
    }

    /** The conversation a message continues: the one its thread hint points at, else the customer's current one. */
    private ConversationRow continued(ConversationMapper mapper, InboundMessage message, String customerId, Instant now) {
        if (message.threadHint() != null) {
            MessageRow earlier = mapper.messageByChannelId(message.channel(), message.threadHint());
            if (earlier != null) {
                ConversationRow thread = mapper.conversation(earlier.conversationId());
                if (thread != null && !ConversationStatus.CLOSED.name().equals(thread.status())) {
                    return thread;
                }
            }
        }
        return mapper.current(customerId, message.channel(), now.minus(limits.reopenWindow()));
    }

    /** The customer an identity belongs to, following merges; a new customer for an identity never seen. */
    private String customerFor(ConversationMapper mapper, ChannelIdentity from, Instant now) {
        IdentityRow known = mapper.identity(from.type().name(), from.value());
        if (known != null) {
            if (from.verified() && !known.verified()) {
                mapper.markVerified(known.id());
            }
            return current(mapper, known.customerId());
        }
        String customerId = UUID.randomUUID().toString();
        mapper.insertCustomer(new CustomerRow(customerId, displayName(from), CustomerTier.STANDARD.name(), null, now, now));
        mapper.insertIdentity(new IdentityRow(UUID.randomUUID().toString(), customerId, from.type().name(), from.value(),
                from.verified(), now));
        return customerId;
    }

    /**
     * The conversation a customer known by {@code identity} would continue on {@code channel} if they wrote now,
     * by the same rule (and the same configured reopen window) that {@link #ingest} applies.
     */
    Optional<ConversationRow> currentFor(ChannelIdentity identity, String channel) {
        ChannelIdentity normalised = normalise(identity);
        Instant resolvedSince = clock.instant().minus(limits.reopenWindow());
        return Optional.ofNullable(data.read(m -> {
            IdentityRow known = m.identity(normalised.type().name(), normalised.value());
            return known == null ? null : m.current(current(m, known.customerId()), channel, resolvedSince);
        }));
    }

    static String current(ConversationMapper mapper, String customerId) {
        String id = customerId;
        for (int hops = 0; hops < 16; hops++) {
            CustomerRow customer = mapper.customer(id);
            if (customer == null || customer.mergedInto() == null) {
                return id;
            }
            id = customer.mergedInto();
        }
        throw new IllegalStateException("customer merges form a loop at " + customerId);
    }

    private IngestReceipt duplicateOf(InboundMessage message) {
        if (message.channelMessageId() == null) {
            return null;
        }
        return data.read(mapper -> {
            MessageRow seen = mapper.messageByChannelId(message.channel(), message.channelMessageId());
            return seen == null ? null : receiptFor(mapper, seen);
        });
    }

    private static IngestReceipt receiptFor(ConversationMapper mapper, MessageRow seen) {
        ConversationRow conversation = mapper.conversation(seen.conversationId());
        return new IngestReceipt(seen.id(), seen.conversationId(), conversation.customerId(), true);
    }

    /** Identities are compared in one spelling: emails in lower case, phone numbers without spaces or dashes. */
    static ChannelIdentity normalise(ChannelIdentity identity) {
        String value = identity.value().trim();
        value = switch (identity.type()) {
            case EMAIL -> value.toLowerCase(Locale.ROOT);
            case PHONE -> value.replaceAll("[\\s()-]", "");
            default -> value;
        };
        if (value.length() > 190) {
            throw new io.kefu.api.conversation.MessageRejectedException("message.sender_too_long",
                    "A sender identity has at most 190 characters", false);
        }
        return new ChannelIdentity(identity.type(), value, identity.verified());
    }

    private static String displayName(ChannelIdentity identity) {
        return switch (identity.type()) {
            case EMAIL -> identity.value().substring(0, Math.max(1, identity.value().indexOf('@')));
            case PHONE -> identity.value().length() > 4
                    ? "…" + identity.value().substring(identity.value().length() - 4) : identity.value();
            case WEB_VISITOR -> "Visitor " + identity.value().substring(0, Math.min(6, identity.value().length()));
            default -> identity.value().length() > 40 ? identity.value().substring(0, 40) : identity.value();
        };
    }

    private static String subject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }

}
