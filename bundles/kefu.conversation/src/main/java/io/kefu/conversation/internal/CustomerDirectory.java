package io.kefu.conversation.internal;

import io.kefu.api.customer.Customer;
import io.kefu.api.customer.CustomerTier;
import io.kefu.api.customer.Customers;
import io.kefu.api.security.KefuUser;
import io.kefu.conversation.internal.Rows.CustomerRow;
import io.kefu.conversation.internal.Rows.IdentityRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Customers} for other bundles, over the same tables and rules as the workbench's customer panel. */
@Component(service = Customers.class)
public final class CustomerDirectory implements Customers {
    private final ConversationData data;
    private final CustomerService customers;

    @Activate
    public CustomerDirectory(@Reference ConversationData data, @Reference CustomerService customers) {
        this.data = data;
        this.customers = customers;
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
        Customer customer = find(customerId).orElseThrow(() -> new NoSuchElementException("no customer " + customerId));
        if (!customer.tags().contains(tag)) {
            List<String> tags = new ArrayList<>(customer.tags());
            tags.add(tag);
            customers.setTags(customer.id(), tags, actor == null ? "system" : actor.username());
        }
        return find(customer.id()).orElseThrow();
    }
}
