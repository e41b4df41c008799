package io.kefu.conversation.internal;

import io.kefu.api.customer.Customer;
import io.kefu.api.customer.CustomerTier;
import io.kefu.api.customer.Customers;
import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.conversation.internal.Rows.CustomerRow;
import io.kefu.conversation.internal.Rows.IdentityRow;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Customers} for other bundles, over the same tables and rules as the workbench's customer panel. */
@Component(service = Customers.class)
public final class CustomerDirectory implements Customers {
    private final ConversationData data;
    private final AuditLog audit;

    @Activate
    public CustomerDirectory(@Reference ConversationData data, @Reference AuditLog audit) {
        this.data = data;
        this.audit = audit;
    }

    @Override
    public Optional<Customer> find(String customerId) {
        return data.read(m -> {
            CustomerRow row = m.customer(IngestService.current(m, customerId));
            if (row == null) {
                return Optional.<Customer>empty();
            }
            CustomerTier tier;
            try {
                tier = CustomerTier.valueOf(row.tier());
            } catch (IllegalArgumentException | NullPointerException e) {
                tier = CustomerTier.STANDARD;
            }
            return Optional.of(new Customer(row.id(), row.displayName(), tier,
                    m.identitiesOf(row.id()).stream().map(IdentityRow::toIdentity).toList(),
                    new LinkedHashSet<>(m.tagsOf(row.id())), row.createdAt()));
        });
    }

    @Override
    public Customer addTag(String customerId, String tag, KefuUser actor) {
        String trimmed = tag == null ? "" : tag.trim();
        if (!CustomerService.TAG.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("a tag is 1-64 letters, digits, spaces, '.', '_' or '-': '" + tag + "'");
        }
        Customer customer = find(customerId).orElseThrow(() -> new NoSuchElementException("no customer " + customerId));
        // One insert of the one tag: the customer's other tags, and edits made meanwhile, stay as they are.
        boolean added = data.write(m -> {
            if (m.tagsOf(customer.id()).contains(trimmed)) {
                return false;
            }
            m.insertTag(customer.id(), trimmed);
            return true;
        });
        if (added) {
            audit.record(actor == null ? "system" : actor.username(), "customer.tag", "customer:" + customer.id(),
                    trimmed);
        }
        return find(customer.id()).orElseThrow();
    }
}
