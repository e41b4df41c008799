package io.kefu.api.customer;

import io.kefu.api.security.KefuUser;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reading customers and tagging them, for later stages (routing reads the tier and tags; its rules tag customers
 * as at risk). {@code actor} is the person acting, or null for Kefu itself (a rule).
 */
@ProviderType
public interface Customers {
    /** The customer, following merges (a merged-away id gives the customer it was merged into), or empty. */
    Optional<Customer> find(String customerId);

    /**
     * Adds one tag, keeping the others; does nothing if the customer has it already.
     *
     * @throws java.util.NoSuchElementException for an unknown customer
     * @throws IllegalArgumentException for a tag that is not 1-64 letters, digits, spaces, '.', '_' or '-'
     */
    Customer addTag(String customerId, String tag, KefuUser actor);
}
