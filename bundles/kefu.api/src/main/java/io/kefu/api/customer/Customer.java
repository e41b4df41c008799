package io.kefu.api.customer;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A person who contacts the company, with every identity the channels know them by. */
public record Customer(String id, String displayName, CustomerTier tier, List<ChannelIdentity> identities,
        Set<String> tags, Instant createdAt) {
    public Customer {
        identities = List.copyOf(identities);
        tags = Set.copyOf(tags);
    }
}
