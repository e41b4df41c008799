package io.kefu.conversation.internal;

import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.conversation.internal.Rows.ConversationRow;
import io.kefu.conversation.internal.Rows.CustomerRow;
import io.kefu.conversation.internal.Rows.IdentityRow;
import io.kefu.conversation.internal.Rows.MergeRow;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Changes agents make to customers: tags, and merging two customer records that turn out to be one person (an
 * email sender and a chat visitor, say). A merge moves the other customer's identities, conversations and tags to
 * the surviving one and remembers exactly what it moved, so that undoing it puts each back.
 */
@Component(service = CustomerService.class)
public final class CustomerService {
    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");

    private final ConversationData data;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public CustomerService(@Reference ConversationData data, @Reference AuditLog audit) {
        this(data, audit, Clock.systemUTC());
    }

    CustomerService(ConversationData data, AuditLog audit, Clock clock) {
        this.data = data;
        this.audit = audit;
        this.clock = clock;
    }

    void setTags(String customerId, List<String> tags, KefuUser actor) {
        setTags(customerId, tags, actor == null ? "system" : actor.username());
    }

    void setTags(String customerId, List<String> tags, String actorName) {
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.trim();
            if (!TAG.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("a tag is 1-64 letters, digits, spaces, '.', '_' or '-': '" + tag + "'");
            }
            clean.add(trimmed);
        }
        data.execute(m -> {
            requireCustomer(m, customerId);
            m.deleteTags(customerId);
            clean.forEach(tag -> m.insertTag(customerId, tag));
        });
        audit.record(actorName, "customer.tags", "customer:" + customerId, String.join(", ", clean));
    }

    /** Merges {@code otherId} into {@code survivorId}; returns the merge's id. */
    String merge(String survivorId, String otherId, KefuUser actor) {
        if (survivorId.equals(otherId)) {
            throw new IllegalArgumentException("a customer cannot be merged with itself");
        }
        Instant now = clock.instant();
        String mergeId = UUID.randomUUID().toString();
        data.execute(m -> {
            CustomerRow survivor = requireCustomer(m, survivorId);
            CustomerRow other = requireCustomer(m, otherId);
            if (survivor.mergedInto() != null || other.mergedInto() != null) {
                throw new IllegalStateException("one of the customers was already merged into another");
            }
            List<String> identities = m.identitiesOf(otherId).stream().map(IdentityRow::id).toList();
            List<String> conversations = m.conversationsOf(otherId).stream().map(ConversationRow::id).toList();
            identities.forEach(id -> m.moveIdentity(id, survivorId));
            conversations.forEach(id -> m.moveConversation(id, survivorId));
            Set<String> tags = new LinkedHashSet<>(m.tagsOf(survivorId));
            tags.addAll(m.tagsOf(otherId));
            m.deleteTags(survivorId);
            tags.forEach(tag -> m.insertTag(survivorId, tag));
            m.setMergedInto(otherId, survivorId, now);
            m.insertMerge(new MergeRow(mergeId, otherId, survivorId, String.join(",", identities),
                    String.join(",", conversations), actor.username(), now, null));
        });
        audit.record(actor.username(), "customer.merge", "customer:" + survivorId, "merged customer " + otherId
                + " (merge " + mergeId + ")");
        return mergeId;
    }

    /** Puts back what a merge moved. Tags copied to the survivor stay there. */
    void undo(String mergeId, KefuUser actor) {
        Instant now = clock.instant();
        MergeRow merge = data.write(m -> {
            MergeRow row = m.merge(mergeId);
            if (row == null) {
                throw new NoSuchElementException("no merge " + mergeId);
            }
            if (m.undoMerge(mergeId, now) == 0) {
                throw new IllegalStateException("this merge was already undone");
            }
            split(row.identityIds()).forEach(id -> m.moveIdentity(id, row.sourceId()));
            split(row.conversationIds()).forEach(id -> m.moveConversation(id, row.sourceId()));
            m.setMergedInto(row.sourceId(), null, now);
            return row;
        });
        audit.record(actor.username(), "customer.unmerge", "customer:" + merge.targetId(), "split customer "
                + merge.sourceId() + " out again (merge " + mergeId + ")");
    }

    private static List<String> split(String ids) {
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    private static CustomerRow requireCustomer(ConversationMapper m, String id) {
        CustomerRow customer = m.customer(id);
        if (customer == null) {
            throw new NoSuchElementException("no customer " + id);
        }
        return customer;
    }
}
